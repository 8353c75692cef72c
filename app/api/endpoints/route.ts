import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { endpointInput, listEndpoints, saveEndpoint } from "@/lib/server/services/settings/endpoints";

/** Endpoints with `hasApiKey`, never the key. */
export const GET = defineRoute({ auth: "endpoints:manage", handler: async () => ({ items: await listEndpoints(db()) }) });

export const POST = defineRoute({ auth: "endpoints:manage", body: endpointInput, status: 201, handler: async ({ principal, body }) => saveEndpoint(db(), principal, body) });
