import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listDocuments } from "@/lib/server/queries/corpus";
import { pageQuery, searchText } from "@/lib/server/queries/pagination";

export const GET = defineRoute({
  auth: "workspace:read",
  query: pageQuery.extend({ discipline: z.string().optional(), q: searchText.optional() }),
  handler: async ({ query }) => listDocuments(db(), { ...query, search: query.q }),
});
