import type { FineTuneEvent } from "@/lib/domain/ports";
import { modelTrainJob } from "@/lib/jobs/model-train";
import type { Db } from "@/lib/server/db";
import { listEndpoints } from "@/lib/server/services/settings/endpoints";
import { pendingRuns, runsById } from "./model-runs";

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

/** Endpoints by name and model only, for choosing where a version is served or fine-tuned (no URLs, no keys). */
export async function endpointChoices(db: Db) {
  return (await listEndpoints(db)).map((e) => ({ name: e.name, model: e.model, source: e.source }));
}

/**
 * Fine-tunes, newest first, with their job's live state (progress, message, error) and the
 * provider's events; runs launched but not yet taken by a worker are listed as queued.
 */
export async function listFineTunes(db: Db) {
  const rows = await db.fineTune.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true, runId: true, name: true, stage: true, trainer: true, endpoint: true, baseModel: true, hyperparameters: true, state: true, rawStatus: true, remoteJobId: true, events: true, error: true, modelVersionId: true, createdAt: true, updatedAt: true,
      trainingSet: { select: { id: true, name: true, version: true } },
    },
  });
  const runs = await runsById(db, rows.map((r) => r.runId));
  const pending = (await pendingRuns(db, modelTrainJob.name, new Set(rows.map((r) => r.runId)))).map((run) => {
    const p = modelTrainJob.payload.safeParse(run.payload);
    return { runId: run.id, name: p.success ? p.data.name : "?", trainer: p.success ? p.data.trainer : "?", trainingSetId: p.success ? p.data.trainingSetId : null, run: strip(run) };
  });
  return {
    pending,
    items: rows.map((r) => ({ ...r, events: r.events as FineTuneEvent[], run: strip(runs.get(r.runId)) })),
  };
}

const strip = <T extends { payload?: unknown }>(run: T | undefined) => {
  if (!run) return null;
  const { payload: _, ...rest } = run;
  return rest;
};
