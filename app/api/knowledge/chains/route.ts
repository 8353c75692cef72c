import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { knowledgeFilters, listChains } from "@/lib/server/queries/knowledge";
import { chainInput, createChain } from "@/lib/server/services/knowledge/curate-chains";

export const GET = defineRoute({ auth: "workspace:read", query: knowledgeFilters, handler: async ({ query }) => listChains(db(), query) });

/** 422 when the steps do not form a reachable path, saying which step fails. */
export const POST = defineRoute({ auth: "knowledge:edit", body: chainInput, status: 201, handler: async ({ principal, body }) => createChain(db(), principal, body) });
