import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { getChain } from "@/lib/server/queries/knowledge";
import { chainPatch, updateChain } from "@/lib/server/services/knowledge/curate-chains";

const params = z.object({ id: z.string() });

export const GET = defineRoute({ auth: "workspace:read", params, handler: async ({ params }) => getChain(db(), params.id) });

export const PATCH = defineRoute({ auth: "knowledge:edit", params, body: chainPatch, handler: async ({ principal, params, body }) => updateChain(db(), principal, params.id, body) });
