import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { getRelation } from "@/lib/server/queries/knowledge";
import { deleteRelation, relationPatch, updateRelation } from "@/lib/server/services/knowledge/curate-relations";

const params = z.object({ id: z.string() });

export const GET = defineRoute({ auth: "workspace:read", params, handler: async ({ params }) => getRelation(db(), params.id) });

export const PATCH = defineRoute({ auth: "knowledge:edit", params, body: relationPatch, handler: async ({ principal, params, body }) => updateRelation(db(), principal, params.id, body) });

/** 422 when an approved chain uses the relation, naming the chains. */
export const DELETE = defineRoute({ auth: "knowledge:edit", params, handler: async ({ principal, params }) => deleteRelation(db(), principal, params.id) });
