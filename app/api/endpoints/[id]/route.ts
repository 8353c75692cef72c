import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { deleteEndpoint, endpointInput, saveEndpoint } from "@/lib/server/services/settings/endpoints";

const params = z.object({ id: z.string() });

/** Omit `apiKey` to keep the stored key; send "" to remove it. */
export const PUT = defineRoute({ auth: "endpoints:manage", params, body: endpointInput, handler: async ({ principal, params, body }) => saveEndpoint(db(), principal, body, params.id) });

export const DELETE = defineRoute({ auth: "endpoints:manage", params, handler: async ({ principal, params }) => deleteEndpoint(db(), principal, params.id) });
