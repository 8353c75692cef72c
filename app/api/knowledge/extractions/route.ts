import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { createdBy } from "@/lib/jobs/created-by";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { startExtraction } from "@/lib/server/services/knowledge/start-extraction";

/** Starts an extraction job (per discipline or documents); progress is on the Jobs page. */
export const POST = defineRoute({
  auth: "knowledge:edit",
  body: knowledgeExtractJob.payload,
  status: 202,
  handler: async ({ body, principal }) => startExtraction(db(), body, createdBy(principal)),
});
