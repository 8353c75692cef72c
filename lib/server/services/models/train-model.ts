import { DomainError } from "@/lib/domain/errors";
import type { FineTuneRequest } from "@/lib/domain/ports";
import { describeStudent, trainStudent, type StudentInstance } from "@/lib/domain/student";
import { hyperparametersSchema, isTerminal, pollDelayMs, type FineTuneState } from "@/lib/domain/training";
import { createTrainer } from "@/lib/adapters/trainer";
import type { Prisma } from "@/lib/server/db";
import type { ModelTrainPayload } from "@/lib/jobs/model-train";
import { inPositionOrder } from "@/lib/server/queries/in-position-order";
import { chatLines, trainingSetSlug } from "@/lib/server/services/exports/training-set-export";
import { newestFrozenBenchmark } from "@/lib/server/services/resolve-ref";
import type { Progress } from "@/lib/server/services/progress";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";
import { assertModelNameFree } from "./register-model";
import { packStudent, STUDENT_ARTEFACT_FORMAT } from "./student-artefact";

export type TrainReport = { modelVersionId: string; name: string; stage: string; trainer: string; remoteModel: string | null; statements?: number; instances?: number };
/** A remote fine-tune still running: the handler parks the run until `until` (ctx.waitUntil). */
export type TrainWait = { wait: { until: Date; checkpoint: { polls: number }; message: string } };

const BATCH = 5000;
const stageOf = (p: ModelTrainPayload) => p.stage ?? (p.name === "V1" || p.name === "V2" ? p.name : "CUSTOM");

/**
 * Fine-tuning starts only from an approved set (test first, the gate passed) and under a free name;
 * checked when a fine-tune is launched and again when its job runs. `runId`: the run that may
 * have made the version itself (a retry).
 */
export async function assertTrainable(db: Progress["db"], payload: Pick<ModelTrainPayload, "trainingSetId" | "name">, runId?: string) {
  const set = await db.trainingSet.findUnique({ where: { id: payload.trainingSetId }, select: { id: true, name: true, version: true, status: true } });
  if (!set) throw new DomainError("NOT_FOUND", `No training set ${payload.trainingSetId}`);
  if (set.status !== "APPROVED") throw new DomainError("ORTHOGONALITY_VIOLATION", `${set.name} v${set.version} is not approved: a lead approves it (test first, the gate passed) before any fine-tune`);
  await assertModelNameFree(db, payload.name, runId);
  return set;
}

/**
 * Fine-tunes a model version from an approved training set: the local student here, or a remote
 * job followed step by step. Every step is recorded on the FineTune row keyed by the run before
 * the next one starts (the file, then the job), so a worker restarted anywhere resumes the same
 * remote job, and a crash between the provider creating it and the row recording it is found
 * again by findJob: never a second job.
 */
export async function trainModel(ctx: Progress, payload: ModelTrainPayload): Promise<TrainReport | TrainWait> {
  const { db } = ctx;
  const set = await assertTrainable(db, payload, ctx.runId);
  const hyperparameters = hyperparametersSchema.parse(payload.hyperparameters ?? {});
  const fineTune = await db.fineTune.upsert({
    where: { runId: ctx.runId },
    create: { runId: ctx.runId, trainingSetId: set.id, trainer: payload.trainer, endpoint: payload.endpoint ?? null, baseModel: payload.baseModel ?? null, name: payload.name, stage: stageOf(payload), hyperparameters, state: "running", createdBy: payload.requestedBy ?? null },
    update: {},
  });
  if (fineTune.modelVersionId) return report(ctx, fineTune.modelVersionId);
  const benchmark = await newestFrozenBenchmark(db);
  const version = { name: payload.name, stage: stageOf(payload), trainer: payload.trainer, trainingSetId: set.id, benchmarkId: benchmark?.id ?? null, hyperparameters, runId: ctx.runId, createdBy: payload.requestedBy ?? null };
  if (payload.trainer === "local") return trainLocal(ctx, set.id, fineTune.id, version);

  const endpoint = await resolveEndpoint(db, payload.endpoint);
  const trainer = createTrainer(payload.trainer, { name: endpoint.name, baseURL: endpoint.baseURL, apiKey: endpoint.apiKey, signal: ctx.signal });
  const baseModel = payload.baseModel ?? endpoint.model;
  const request: FineTuneRequest = {
    runId: ctx.runId,
    baseModel,
    suffix: payload.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, 40),
    hyperparameters,
    trainingFile: { name: `${trainingSetSlug(set)}.jsonl`, lines: () => chatLines(db, set.id, false) },
    metadata: { proda_training_set: set.id },
    signal: ctx.signal,
  };
  let { remoteFileId: fileId, remoteJobId: jobId } = fineTune;
  try {
    if (!fileId) {
      await ctx.progress(0.05, `Uploading ${set.name} v${set.version} to ${endpoint.name}`);
      fileId = await trainer.uploadTrainingFile(request);
      await db.fineTune.update({ where: { id: fineTune.id }, data: { remoteFileId: fileId, baseModel, endpoint: endpoint.name } });
    }
    if (!jobId) {
      jobId = (await trainer.findJob(request, fileId)) ?? (await trainer.createJob(request, fileId));
      await db.fineTune.update({ where: { id: fineTune.id }, data: { remoteJobId: jobId } });
      await ctx.log(`Fine-tuning job ${jobId} started at ${endpoint.name} on ${baseModel}`);
    }
    await ctx.throwIfCancelled();
    const status = await trainer.status(jobId);
    await db.fineTune.update({
      where: { id: fineTune.id },
      data: { state: status.state, rawStatus: status.rawStatus, events: status.events as Prisma.InputJsonValue, error: status.error },
    });
    if (status.state === "succeeded") {
      if (!status.fineTunedModel) throw new DomainError("REMOTE_JOB_FAILED", `${endpoint.name} says job ${jobId} succeeded but names no fine-tuned model`);
      return finish(ctx, fineTune.id, { ...version, baseModel, endpoint: endpoint.name, remoteModel: status.fineTunedModel, description: { job: jobId, trainedTokens: status.trainedTokens ?? null } });
    }
    if (isTerminal(status.state)) throw new DomainError("REMOTE_JOB_FAILED", `Fine-tuning job ${jobId} ${status.state} at ${endpoint.name}${status.error ? `: ${status.error}` : ""}`);
    const polls = ((ctx.saved as { polls?: number } | null)?.polls ?? 0) + 1;
    await ctx.progress(status.progress ?? 0.1, `Fine-tuning at ${endpoint.name}: ${status.rawStatus}`);
    return { wait: { until: new Date(Date.now() + pollDelayMs(polls)), checkpoint: { polls }, message: `Fine-tuning at ${endpoint.name}: ${status.rawStatus}` } };
  } catch (e) {
    // Cancelled here: the remote job is cancelled too, so it stops costing.
    if (jobId && e instanceof DomainError && e.code === "JOB_CANCELLED") await cancelRemote(ctx, fineTune.id, payload, jobId);
    throw e;
  }
}

type Version = Omit<Prisma.ModelVersionUncheckedCreateInput, "id">;

async function trainLocal(ctx: Progress, setId: string, fineTuneId: string, version: Version): Promise<TrainReport> {
  const instances: StudentInstance[] = [];
  const total = await ctx.db.trainingInstance.count({ where: { trainingSetId: setId } });
  const batches = inPositionOrder((after) =>
    ctx.db.trainingInstance.findMany({ where: { trainingSetId: setId, position: { gt: after } }, select: { position: true, prompt: true, completion: true }, orderBy: { position: "asc" }, take: BATCH }),
  );
  for await (const rows of batches) {
    for (const r of rows) instances.push({ prompt: r.prompt, completion: r.completion });
    await ctx.progress(0.4 * (instances.length / Math.max(1, total)), `Read ${instances.length} of ${total} instances`);
    await ctx.throwIfCancelled();
  }
  await ctx.progress(0.5, `Training the local student on ${instances.length} instances`);
  const student = trainStudent(instances);
  await ctx.throwIfCancelled();
  return finish(ctx, fineTuneId, { ...version, description: describeStudent(student) }, packStudent(student));
}

/** The version, its artefact and the fine-tune's outcome in one transaction: all or nothing. */
async function finish(ctx: Progress, fineTuneId: string, version: Version, artefact?: Uint8Array<ArrayBuffer>): Promise<TrainReport> {
  const created = await ctx.db.$transaction(async (tx) => {
    const v = await tx.modelVersion.create({ data: version, select: REPORTED });
    if (artefact) await tx.modelArtefact.create({ data: { modelVersionId: v.id, format: STUDENT_ARTEFACT_FORMAT, data: artefact } });
    await tx.fineTune.update({ where: { id: fineTuneId }, data: { state: "succeeded" satisfies FineTuneState, modelVersionId: v.id } });
    return v;
  }, { timeout: 120_000 });
  await ctx.progress(1, `Model version ${version.name} is ready`);
  return toReport(created);
}

const REPORTED = { id: true, name: true, stage: true, trainer: true, remoteModel: true, description: true } as const;

async function report(ctx: Progress, id: string): Promise<TrainReport> {
  return toReport(await ctx.db.modelVersion.findUniqueOrThrow({ where: { id }, select: REPORTED }));
}

function toReport(v: Prisma.ModelVersionGetPayload<{ select: typeof REPORTED }>): TrainReport {
  const d = (v.description ?? {}) as { statements?: number; instances?: number };
  return { modelVersionId: v.id, name: v.name, stage: v.stage, trainer: v.trainer, remoteModel: v.remoteModel, ...(v.trainer === "local" ? { statements: d.statements, instances: d.instances } : {}) };
}

/** Asks the provider to stop the job (best effort: the run is cancelled whatever it says). */
export async function cancelRemote(ctx: Pick<Progress, "db" | "log">, fineTuneId: string, payload: Pick<ModelTrainPayload, "trainer" | "endpoint">, jobId: string) {
  if (payload.trainer === "local") return;
  try {
    const endpoint = await resolveEndpoint(ctx.db, payload.endpoint);
    await createTrainer(payload.trainer, { name: endpoint.name, baseURL: endpoint.baseURL, apiKey: endpoint.apiKey }).cancel(jobId);
    await ctx.db.fineTune.update({ where: { id: fineTuneId }, data: { state: "cancelled" satisfies FineTuneState } });
    await ctx.log(`Fine-tuning job ${jobId} cancelled at ${endpoint.name}`);
  } catch (e) {
    await ctx.log(`Could not cancel fine-tuning job ${jobId}: ${e instanceof Error ? e.message : String(e)}`, "warn");
  }
}

/**
 * Fine-tunes whose runs were ended while no worker held them (cancelled between polls, released
 * with their loop run, out of attempts): their remote jobs are cancelled here, since no handler
 * will run again to do it. Runs without a live remote fine-tune are passed over.
 */
export async function cancelFineTunesOfRuns(db: Progress["db"], runIds: string[]) {
  if (!runIds.length) return;
  const fineTunes = await db.fineTune.findMany({ where: { runId: { in: runIds } }, select: { id: true, runId: true, trainer: true, endpoint: true, remoteJobId: true, state: true } });
  for (const ft of fineTunes) {
    if (!ft.remoteJobId || (ft.trainer !== "openai" && ft.trainer !== "together") || isTerminal(ft.state as FineTuneState)) continue;
    const log = async (message: string, level: "info" | "warn" = "info") => void (await db.jobLog.create({ data: { runId: ft.runId, message, level } }));
    await cancelRemote({ db, log }, ft.id, { trainer: ft.trainer, endpoint: ft.endpoint ?? undefined }, ft.remoteJobId);
  }
}
