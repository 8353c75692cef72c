import type { Db } from "@/lib/server/db";

/**
 * Model versions with their lineage (training set, benchmark, trainer, hyperparameters) and the
 * newest finished evaluation of each: one query for the versions, one for the evaluations.
 */
export async function listModels(db: Db) {
  const versions = await db.modelVersion.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true, name: true, stage: true, trainer: true, endpoint: true, remoteModel: true, baseModel: true, hyperparameters: true, description: true, benchmarkId: true, createdAt: true,
      trainingSet: { select: { id: true, name: true, version: true } },
    },
  });
  const evaluations = await db.evaluationRun.findMany({
    where: { modelVersionId: { in: versions.map((v) => v.id) }, finishedAt: { not: null } },
    orderBy: { finishedAt: "desc" },
    select: { id: true, modelVersionId: true, benchmarkId: true, answered: true, correct: true, finishedAt: true },
  });
  const latest = new Map<string, (typeof evaluations)[number]>();
  for (const e of evaluations) if (!latest.has(e.modelVersionId)) latest.set(e.modelVersionId, e);
  return versions.map((v) => {
    const e = latest.get(v.id);
    return { ...v, latestEvaluation: e ? { ...e, accuracy: e.answered ? e.correct / e.answered : 0 } : null };
  });
}
