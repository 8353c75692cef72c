import { pipelineStatus, type PipelineStatus } from "@/lib/domain/pipeline-status";
import type { Db } from "@/lib/server/db";

/** The counts behind each step of the loop, in one statement of counts (each over an index or a small table). */
export async function pipelineStatusOf(db: Db): Promise<PipelineStatus> {
  const [row] = await db.$queryRaw<Record<string, number>[]>`
    SELECT
      (SELECT count(*) FROM "Document")::int AS documents,
      (SELECT count(*) FROM "Chunk")::int AS chunks,
      (SELECT count(DISTINCT "chunkId") FROM "ChunkExtraction")::int AS "extractedChunks",
      (SELECT count(*) FROM "Concept")::int AS concepts,
      (SELECT count(*) FROM "Relation")::int AS relations,
      (SELECT count(*) FROM "Chain")::int AS chains,
      ((SELECT count(*) FROM "Concept" WHERE status <> 'DRAFT') + (SELECT count(*) FROM "Relation" WHERE status <> 'DRAFT')
        + (SELECT count(*) FROM "Chain" WHERE status <> 'DRAFT'))::int AS reviewed,
      (SELECT count(*) FROM "Benchmark" WHERE status = 'FROZEN')::int AS "frozenBenchmarks",
      coalesce((SELECT "itemCount" FROM "Benchmark" WHERE status = 'FROZEN' ORDER BY version DESC LIMIT 1), 0)::int AS "frozenItems",
      (SELECT count(*) FROM "TrainingSet")::int AS "trainingSets",
      (SELECT count(*) FROM "TrainingSet" WHERE status = 'APPROVED')::int AS "approvedTrainingSets",
      (SELECT count(*) FROM "ModelVersion" WHERE "trainingSetId" IS NOT NULL)::int AS "trainedModels",
      (SELECT count(*) FROM "EvaluationRun" WHERE "finishedAt" IS NOT NULL)::int AS "finishedEvaluations",
      (SELECT count(*) FROM "FailureTrace")::int AS "tracedFailures",
      (SELECT count(*) FROM "Patch" WHERE status IN ('APPROVED', 'APPLIED'))::int AS "approvedPatches",
      coalesce((SELECT max(n) FROM (SELECT count(DISTINCT e."modelVersionId") AS n FROM "EvaluationRun" e JOIN "Benchmark" b ON b.id = e."benchmarkId"
        WHERE e."finishedAt" IS NOT NULL AND b.status = 'FROZEN' GROUP BY e."benchmarkId") per), 0)::int AS "comparedVersions"`;
  return pipelineStatus.parse(row);
}
