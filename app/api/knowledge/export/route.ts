import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { exportStructure } from "@/lib/server/services/knowledge/structure-jsonl";

/** The structure as JSONL (one object per concept, relation, chain), streamed. */
export const GET = defineRoute({
  auth: "workspace:read",
  query: z.object({ discipline: z.string().optional() }),
  handler: async ({ query }) =>
    new Response(exportStructure(db(), query.discipline), {
      headers: { "content-type": "application/x-ndjson", "content-disposition": `attachment; filename="knowledge${query.discipline ? `-${query.discipline}` : ""}.jsonl"` },
    }),
});
