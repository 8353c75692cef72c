import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { mergeConcepts } from "@/lib/server/services/knowledge/curate-concepts";

/** Merges `mergeId` into `keepId` (relations move, names become aliases). */
export const POST = defineRoute({
  auth: "knowledge:edit",
  body: z.object({ keepId: z.string().min(1, "is required"), mergeId: z.string().min(1, "is required") }),
  handler: async ({ principal, body }) => mergeConcepts(db(), principal, body.keepId, body.mergeId),
});
