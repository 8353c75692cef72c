import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listRelations, relationFilters } from "@/lib/server/queries/knowledge";
import { createRelation, relationInput } from "@/lib/server/services/knowledge/curate-relations";

export const GET = defineRoute({ auth: "workspace:read", query: relationFilters, handler: async ({ query }) => listRelations(db(), query) });

export const POST = defineRoute({ auth: "knowledge:edit", body: relationInput, status: 201, handler: async ({ principal, body }) => createRelation(db(), principal, body) });
