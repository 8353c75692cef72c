import type { Db } from "@/lib/server/db";
import type { CreatedBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { knowledgeExtractJob, type KnowledgeExtractPayload } from "@/lib/jobs/knowledge-extract";
import { selectDisciplines } from "@/lib/server/queries/structure";

/**
 * Queues an extraction labelled with the discipline's name ("Extract Biology"), which the Jobs
 * page and a refusal naming this run show; an unknown discipline is a 404 before anything is queued.
 */
export async function startExtraction(db: Db, input: KnowledgeExtractPayload, by: CreatedBy) {
  const [discipline] = input.discipline ? await selectDisciplines(db, [input.discipline]) : [];
  const label = input.label ?? (discipline ? `Extract ${discipline.name}` : "Extract all disciplines");
  return enqueueJob(db, knowledgeExtractJob, { ...input, label }, by);
}
