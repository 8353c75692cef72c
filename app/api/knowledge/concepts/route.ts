import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { knowledgeFilters, listConcepts } from "@/lib/server/queries/knowledge";
import { conceptInput, createConcept } from "@/lib/server/services/knowledge/curate-concepts";

export const GET = defineRoute({ auth: "workspace:read", query: knowledgeFilters, handler: async ({ query }) => listConcepts(db(), query) });

export const POST = defineRoute({ auth: "knowledge:edit", body: conceptInput, status: 201, handler: async ({ principal, body }) => createConcept(db(), principal, body) });
