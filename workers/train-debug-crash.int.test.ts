// SIGKILL drills for training and tracing: a real worker process is killed in the middle of the
// local student's training (model-train) and of the Debugger's tracing of that model's failures
// (model-debug); another worker takes each run back, and the database ends up as after a clean run
// of the same jobs in a copy of the same database: one model version with one artefact and one
// fine-tune, one trace per failed item with the same diagnoses, the same patches, the same reports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { modelDebugJob } from "@/lib/jobs/model-debug";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob, type ModelTrainPayload } from "@/lib/jobs/model-train";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import { disconnectDb, type Db } from "@/lib/server/db";
import { approveTrainingSet } from "@/lib/server/services/builder/approve-training-set";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import { checkOrthogonality } from "@/lib/server/services/builder/check-orthogonality";
import type { DebugReport } from "@/lib/server/services/debugger/trace-failures";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import type { EvaluationReport } from "@/lib/server/services/models/evaluate-model";
import type { TrainReport } from "@/lib/server/services/models/train-model";
import { cloneDatabase } from "@/test/cloned-database";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { workerProcesses, type WorkerProcess } from "@/test/worker-processes";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { modelDebugHandler } from "@/workers/handlers/model-debug";
import { modelEvaluateHandler } from "@/workers/handlers/model-evaluate";
import { modelTrainHandler } from "@/workers/handlers/model-train";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { runInline } from "@/workers/runtime/run-inline";

const t = useTestDatabase();
const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-td-crash-"));
// Short leases so the takeover does not take the production default's 45 s, and a pause after each
// step of progress: these jobs take about a second here, too little to be killed in reliably.
const LEASE_ENV = { PRODA_JOB_LEASE_SECONDS: "3", PRODA_JOB_HEARTBEAT_SECONDS: "1", PRODA_JOB_SWEEP_SECONDS: "1", PRODA_DRILL_STEP_DELAY_MS: "300" };
const { workers, kill, killMidRunAndResume } = workerProcesses(() => ({ DATABASE_URL: t.url(), PRODA_HOME: home, ...LEASE_ENV }), () => t.db());

let trainingSetId = "";
let benchmarkId = "";
const train = (): ModelTrainPayload => ({ trainingSetId, trainer: "local", name: "V1" });

/** What each job leaves in the database. Both databases are copies of one, so the ids of what existed before match. */
const modelRows = async (db: Db) => {
  const versions = await db.modelVersion.findMany({ select: { name: true, stage: true, trainer: true, description: true, trainingSetId: true, artefact: { select: { format: true, data: true } } } });
  return {
    versions: versions.map((v) => ({ ...v, artefact: v.artefact && { format: v.artefact.format, bytes: Buffer.from(v.artefact.data).toString("base64") } })),
    artefacts: await db.modelArtefact.count(),
    fineTunes: (await db.fineTune.findMany({ select: { trainer: true, state: true } })),
  };
};
const traceRows = async (db: Db) => ({
  debugRuns: (await db.debugRun.findMany({ select: { total: true, traced: true, aggregates: true } })),
  traces: (await db.failureTrace.findMany({ select: { itemId: true, diagnosis: true, conceptId: true, relationId: true, probes: true } })).sort((a, b) => a.itemId.localeCompare(b.itemId)),
  patches: (await db.patch.findMany({ select: { targetKind: true, targetId: true, form: true, content: true, gatePassed: true, itemIds: true } })).map((p) => JSON.stringify(p)).sort(),
});
const withoutIds = <T extends object>(report: T, ...ids: (keyof T)[]) => Object.fromEntries(Object.entries(report).filter(([k]) => !ids.includes(k as keyof T)));

let clean: { model: Awaited<ReturnType<typeof modelRows>>; train: TrainReport; traces: Awaited<ReturnType<typeof traceRows>>; debug: DebugReport; evaluation: EvaluationReport };
let baselineDrop: () => Promise<void> = async () => {};

async function ok<T>(p: ReturnType<typeof runInline>): Promise<T> {
  const r = await p;
  expect(r.outcome, r.error ?? "").toBe("succeeded");
  return r.result as T;
}
const evaluate = (db: Db, modelVersionId: string) => ok<EvaluationReport>(runInline(db, modelEvaluateJob, modelEvaluateHandler, { modelVersionId, benchmarkId }));

beforeAll(async () => {
  // The loop's V1 on the whole shared corpus: 25 instances per tested discipline leave blind spots,
  // so the evaluation has failures to trace.
  const db = t.db();
  await ensureDefaultDisciplines(db);
  await ok(runInline(db, corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SHARED_CORPUS } }));
  await ok(runInline(db, knowledgeExtractJob, knowledgeExtractHandler, { engine: "local" }));
  benchmarkId = (await ok<{ benchmarkId: string }>(runInline(db, benchmarkBuildJob, benchmarkBuildHandler, { seed: 5, freeze: true }))).benchmarkId;
  trainingSetId = (await ok<TrainingSetBuildReport>(runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "v1-data", budget: 25, testedOnly: true }))).trainingSetId;
  expect((await checkOrthogonality(db, trainingSetId, undefined)).passed).toBe(true);
  await approveTrainingSet(db, null, trainingSetId);
  await disconnectDb();

  // The clean runs, in this process, in a copy of the same database.
  const baseline = await cloneDatabase(t.url());
  baselineDrop = baseline.drop;
  const b = baseline.db;
  const trained = await ok<TrainReport>(runInline(b, modelTrainJob, modelTrainHandler, train()));
  const model = await modelRows(b);
  const evaluation = await evaluate(b, trained.modelVersionId);
  expect(evaluation.correct).toBeLessThan(evaluation.total);
  const debug = await ok<DebugReport>(runInline(b, modelDebugJob, modelDebugHandler, { evaluationRunId: evaluation.evaluationRunId }));
  clean = { model, train: trained, traces: await traceRows(b), debug, evaluation };
}, 240_000);

afterAll(async () => {
  for (const w of [...workers]) await kill(w, "SIGKILL");
  await baselineDrop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("a worker process SIGKILLed at 20-80% of training or tracing", () => {
  let worker: WorkerProcess | string = "A";
  let evaluationRunId = "";

  it("model-train (local student): the resumed run makes one version, one artefact, one fine-tune, as a clean run", async () => {
    const run = await enqueueJob(t.db(), modelTrainJob, train(), BY_SYSTEM);
    const { done, worker: next } = await killMidRunAndResume(run.id, { first: worker, next: "B" });
    worker = next;
    expect(await modelRows(t.db())).toEqual(clean.model);
    const report = done.result as TrainReport;
    expect(withoutIds(report, "modelVersionId")).toEqual(withoutIds(clean.train, "modelVersionId"));
    // The model trained after the crash answers the benchmark as the clean one does.
    const evaluation = await evaluate(t.db(), report.modelVersionId);
    expect(withoutIds(evaluation, "evaluationRunId", "benchmarkId")).toEqual(withoutIds(clean.evaluation, "evaluationRunId", "benchmarkId"));
    evaluationRunId = evaluation.evaluationRunId;
  }, 200_000);

  it("model-debug: the resumed run traces each failed item once, with the clean run's diagnoses and patches", async () => {
    const run = await enqueueJob(t.db(), modelDebugJob, { evaluationRunId }, BY_SYSTEM);
    const { done } = await killMidRunAndResume(run.id, { first: worker, next: "C" });
    const rows = await traceRows(t.db());
    expect(new Set(rows.traces.map((x) => x.itemId)).size).toBe(rows.traces.length);
    expect(rows).toEqual(clean.traces);
    expect(withoutIds(done.result as DebugReport, "debugRunId", "evaluationRunId")).toEqual(withoutIds(clean.debug, "debugRunId", "evaluationRunId"));
    expect(done.logs.map((l) => l.message).join("\n")).toMatch(/Resuming: \d+ of \d+ failures were traced before/);
  }, 200_000);
});
