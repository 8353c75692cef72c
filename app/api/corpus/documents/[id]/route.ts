import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { getDocument } from "@/lib/server/queries/corpus";
import { pageQuery } from "@/lib/server/queries/pagination";

export const GET = defineRoute({
  auth: "workspace:read",
  params: z.object({ id: z.string() }),
  query: pageQuery,
  handler: async ({ params, query }) => getDocument(db(), params.id, query),
});
