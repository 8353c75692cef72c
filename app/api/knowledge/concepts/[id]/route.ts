import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { getConcept } from "@/lib/server/queries/knowledge";
import { conceptPatch, updateConcept } from "@/lib/server/services/knowledge/curate-concepts";

const params = z.object({ id: z.string() });

/** The concept with its neighbours (relations both ways, chains through it) and its source chunk. */
export const GET = defineRoute({ auth: "workspace:read", params, handler: async ({ params }) => getConcept(db(), params.id) });

export const PATCH = defineRoute({ auth: "knowledge:edit", params, body: conceptPatch, handler: async ({ principal, params, body }) => updateConcept(db(), principal, params.id, body) });
