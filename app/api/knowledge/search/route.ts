import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { searchKnowledge } from "@/lib/server/queries/knowledge";
import { searchText } from "@/lib/server/queries/pagination";

/** Full-text search (Postgres) over concept names, aliases and definitions, relation evidence and chain summaries. */
export const GET = defineRoute({
  auth: "workspace:read",
  cache: "knowledge",
  query: z.object({ q: searchText.min(1, "is required"), discipline: z.string().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
  handler: async ({ query }) => searchKnowledge(db(), query),
});
