// SIGKILL drills for the Tester, the Builder and the gate: a real worker process is killed in the
// middle of a benchmark build, of a training-set build (on that benchmark) and of the orthogonality
// gate on a larger set made of it; another worker takes each run back, and the database ends up as
// after a clean run of the same jobs in a copy of the same database: the same items and
// distractors, the same instances, one check with the same verdict and violations, nothing doubled
// or missing, and the same reports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ItemOption } from "@/lib/domain/tester";
import { benchmarkBuildJob, type BenchmarkBuildPayload } from "@/lib/jobs/benchmark-build";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { orthogonalityCheckJob } from "@/lib/jobs/orthogonality-check";
import { trainingSetBuildJob, type TrainingSetBuildPayload } from "@/lib/jobs/training-set-build";
import { disconnectDb, type Db } from "@/lib/server/db";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import type { GateReport } from "@/lib/server/services/builder/check-orthogonality";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import type { BenchmarkBuildReport } from "@/lib/server/services/tester/build-benchmark";
import { cloneDatabase } from "@/test/cloned-database";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { workerProcesses, type WorkerProcess } from "@/test/worker-processes";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { orthogonalityCheckHandler } from "@/workers/handlers/orthogonality-check";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { runInline } from "@/workers/runtime/run-inline";

const t = useTestDatabase();
const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-tb-crash-"));
// Short leases so the takeover does not take the production default's 45 s, and a pause after each
// step of progress: these jobs take about a second here, too little to be killed in reliably.
const LEASE_ENV = { PRODA_JOB_LEASE_SECONDS: "3", PRODA_JOB_HEARTBEAT_SECONDS: "1", PRODA_JOB_SWEEP_SECONDS: "1", PRODA_DRILL_STEP_DELAY_MS: "300" };
const { workers, kill, killMidRunAndResume } = workerProcesses(() => ({ DATABASE_URL: t.url(), PRODA_HOME: home, ...LEASE_ENV }), () => t.db());

const BENCHMARK: BenchmarkBuildPayload = { seed: 11, freeze: true, name: "crash drill" };
const TRAINING_SET: TrainingSetBuildPayload = { name: "drill-data" };

/** What each job leaves in the database, without ids (the clean run's rows have others). */
const benchmarkRows = async (db: Db) => {
  const items = await db.benchmarkItem.findMany({ select: { stem: true, options: true, answerIndex: true, status: true, position: true }, orderBy: { position: "asc" } });
  const operators: Record<string, number> = {};
  for (const item of items) for (const o of item.options as unknown as ItemOption[]) operators[o.operator] = (operators[o.operator] ?? 0) + 1;
  return { benchmarks: await db.benchmark.count(), items: items.length, operators, stems: items.map((i) => `${i.position} ${i.status} ${i.answerIndex} ${i.stem}`) };
};
const trainingRows = async (db: Db) => {
  const instances = await db.trainingInstance.findMany({ select: { position: true, kind: true, contentHash: true }, orderBy: { position: "asc" } });
  return { sets: await db.trainingSet.count(), instances: instances.length, distinctPositions: new Set(instances.map((i) => i.position)).size, content: instances.map((i) => `${i.position} ${i.kind} ${i.contentHash}`) };
};
/** The gate's checks and violations, told apart by the instance's and item's positions, not ids. */
const gateRows = async (db: Db) => {
  const checks = await db.orthogonalityCheck.findMany({ select: { id: true, passed: true, checked: true, violationCount: true } });
  const violations = await db.orthogonalityViolation.findMany({ select: { instanceId: true, itemId: true, kind: true, shared: true, similarity: true } });
  const positions = new Map<string, number>();
  for (const i of await db.trainingInstance.findMany({ where: { id: { in: violations.map((v) => v.instanceId) } }, select: { id: true, position: true } })) positions.set(i.id, i.position);
  for (const i of await db.benchmarkItem.findMany({ where: { id: { in: violations.map((v) => v.itemId) } }, select: { id: true, position: true } })) positions.set(i.id, i.position);
  return {
    checks: checks.map(({ id: _, ...c }) => c),
    violations: violations.map((v) => `${positions.get(v.instanceId)} ${positions.get(v.itemId)} ${v.kind} ${v.similarity} ${v.shared}`).sort(),
  };
};
const withoutIds = <T extends object>(report: T, ...ids: (keyof T)[]) => Object.fromEntries(Object.entries(report).filter(([k]) => !ids.includes(k as keyof T)));

let clean: {
  benchmark: { rows: Awaited<ReturnType<typeof benchmarkRows>>; report: BenchmarkBuildReport };
  training: { rows: Awaited<ReturnType<typeof trainingRows>>; report: TrainingSetBuildReport };
};
let baseline: Awaited<ReturnType<typeof cloneDatabase>> | undefined;

// The gate checks this corpus's ~2K instances in a few tenths of a second, too fast to be killed in
// its middle: its drill runs on a set of the built instances 25 times over (~50K, read in 20
// batches), made the same way in both databases by one statement.
const GATE_SET = "gate-drill-set";
const GATE_COPIES = 25;
async function enlargedSet(db: Db): Promise<string> {
  const [source] = await db.trainingSet.findMany({ where: { id: { not: GATE_SET } }, select: { id: true, status: true } });
  const span = (await db.trainingInstance.aggregate({ where: { trainingSetId: source.id }, _max: { position: true } }))._max.position! + 1;
  await db.trainingSet.create({ data: { id: GATE_SET, name: "gate drill", version: 1, status: source.status, settings: {}, lineage: {} } });
  const copied = await db.$executeRaw`
    INSERT INTO "TrainingInstance" (id, "trainingSetId", "disciplineId", position, kind, prompt, completion, "conceptIds", "relationIds", "chunkId", "contentHash")
    SELECT 'gd-' || k || '-' || i.position, ${GATE_SET}, i."disciplineId", k * ${span} + i.position, i.kind, i.prompt, i.completion, i."conceptIds", i."relationIds", i."chunkId", i."contentHash"
    FROM "TrainingInstance" i, generate_series(0, ${GATE_COPIES - 1}) k WHERE i."trainingSetId" = ${source.id}`;
  await db.trainingSet.update({ where: { id: GATE_SET }, data: { instanceCount: copied } });
  return GATE_SET;
}

async function ok<T>(p: ReturnType<typeof runInline>): Promise<T> {
  const r = await p;
  expect(r.outcome, r.error ?? "").toBe("succeeded");
  return r.result as T;
}

beforeAll(async () => {
  // The whole shared corpus, extracted: the benchmark and the training set cover 16 disciplines,
  // so each job spends long enough between 20% and 80% to be killed there.
  await ensureDefaultDisciplines(t.db());
  await ok(runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SHARED_CORPUS } }));
  await ok(runInline(t.db(), knowledgeExtractJob, knowledgeExtractHandler, { engine: "local" }));
  await disconnectDb();

  // The clean runs, in this process, in a copy of the same database.
  baseline = await cloneDatabase(t.url());
  const b = baseline.db;
  const benchmark = await ok<BenchmarkBuildReport>(runInline(b, benchmarkBuildJob, benchmarkBuildHandler, BENCHMARK));
  const benchmarkAfter = await benchmarkRows(b);
  const training = await ok<TrainingSetBuildReport>(runInline(b, trainingSetBuildJob, trainingSetBuildHandler, TRAINING_SET));
  const trainingAfter = await trainingRows(b);
  clean = { benchmark: { rows: benchmarkAfter, report: benchmark }, training: { rows: trainingAfter, report: training } };
  expect(clean.benchmark.rows.items).toBeGreaterThan(0);
  expect(clean.training.rows.instances).toBeGreaterThan(0);
}, 240_000);

afterAll(async () => {
  for (const w of [...workers]) await kill(w, "SIGKILL");
  await baseline?.drop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("a worker process SIGKILLed at 20-80% of a Tester, Builder or gate job", () => {
  let worker: WorkerProcess | string = "A";

  it("benchmark-build: the resumed run writes the same frozen benchmark, items and distractors as a clean run, once", async () => {
    const run = await enqueueJob(t.db(), benchmarkBuildJob, BENCHMARK, BY_SYSTEM);
    const { done, worker: next } = await killMidRunAndResume(run.id, { first: worker, next: "B" });
    worker = next;
    expect(await benchmarkRows(t.db())).toEqual(clean.benchmark.rows);
    expect(withoutIds(done.result as BenchmarkBuildReport, "benchmarkId")).toEqual(withoutIds(clean.benchmark.report, "benchmarkId"));
  }, 200_000);

  it("training-set-build: the resumed run writes the same instances as a clean run, none doubled", async () => {
    const run = await enqueueJob(t.db(), trainingSetBuildJob, TRAINING_SET, BY_SYSTEM);
    const { done, worker: next } = await killMidRunAndResume(run.id, { first: worker, next: "C" });
    worker = next;
    const rows = await trainingRows(t.db());
    expect(rows.distinctPositions).toBe(rows.instances);
    expect(rows).toEqual(clean.training.rows);
    expect(withoutIds(done.result as TrainingSetBuildReport, "trainingSetId")).toEqual(withoutIds(clean.training.report, "trainingSetId"));
  }, 200_000);

  it("orthogonality-check: the resumed gate writes one check with the clean run's verdict and violations", async () => {
    const b = baseline!.db;
    const cleanReport = await ok<GateReport>(runInline(b, orthogonalityCheckJob, orthogonalityCheckHandler, { trainingSetId: await enlargedSet(b) }));
    const cleanRows = await gateRows(b);
    expect(cleanRows.checks).toEqual([expect.objectContaining({ checked: clean.training.rows.instances * GATE_COPIES })]);

    const run = await enqueueJob(t.db(), orthogonalityCheckJob, { trainingSetId: await enlargedSet(t.db()) }, BY_SYSTEM);
    const { done, worker: next } = await killMidRunAndResume(run.id, { first: worker, next: "D" });
    worker = next;
    expect(await gateRows(t.db())).toEqual(cleanRows);
    const strip = (r: GateReport) => ({ ...withoutIds(r, "checkId", "pairs"), pairs: r.pairs.length });
    expect(strip(done.result as GateReport)).toEqual(strip(cleanReport));
  }, 200_000);
});
