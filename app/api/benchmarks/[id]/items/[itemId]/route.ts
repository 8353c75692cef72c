import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { editBenchmarkItem, itemEditInput } from "@/lib/server/services/tester/review-benchmark";

/** Review of a draft benchmark's item: edit the stem, replace a distractor, reject or restore. */
export const PATCH = defineRoute({
  auth: "benchmark:review",
  params: z.object({ id: z.string(), itemId: z.string() }),
  body: itemEditInput,
  handler: async ({ params, body, principal }) => editBenchmarkItem(db(), principal, params.id, params.itemId, body),
});
