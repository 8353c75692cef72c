import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { enqueueJob } from "@/lib/jobs/enqueue";

/** Starts an extraction job (per discipline or documents); progress is on the Jobs page. */
export const POST = defineRoute({
  auth: "knowledge:edit",
  body: knowledgeExtractJob.payload,
  status: 202,
  handler: async ({ body }) => enqueueJob(db(), knowledgeExtractJob, { ...body, label: body.label ?? (body.discipline ? `Extract ${body.discipline}` : "Extract all disciplines") }),
});
