import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { knowledgeStats } from "@/lib/server/queries/knowledge-stats";

export const GET = defineRoute({ auth: "workspace:read", query: z.object({ discipline: z.string().optional() }), handler: async ({ query }) => knowledgeStats(db(), query.discipline) });
