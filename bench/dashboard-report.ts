/**
 * The leads' dashboard report at scale: a frozen synthetic benchmark of N items over the 16
 * default disciplines, M versions evaluated on it (each answering about 60–80% right, at random),
 * the newest one's predecessor traced with a patch per failure applied to the newest one's data,
 * then `dashboardReport` timed cold and warm, with the size of its JSON.
 *
 *   npx tsx bench/dashboard-report.ts [items=10000] [models=4]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [N, M] = [Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 4)];
process.env.PRODA_HOME = fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-dash-"));

const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const { ensureDefaultDisciplines } = await import("@/lib/server/services/disciplines");
const { dashboardReport, reportQuery } = await import("@/lib/server/queries/dashboards");
const { evaluationMetrics } = await import("@/lib/domain/evaluation");

const handle = await openDatabase();
const db = getDb();
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const BATCH = 2000;
const inBatches = async <T>(rows: T[], write: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
};
try {
  await ensureDefaultDisciplines(db);
  const disciplines = await db.discipline.findMany({ select: { id: true, slug: true } });
  const benchmark = await db.benchmark.create({ data: { version: 1, name: "scale", status: "FROZEN", seed: 1, report: {}, itemCount: N, frozenAt: new Date() } });
  const operators = ["ANSWER", "INVREL", "TRUNC", "NEARMISS"] as const;
  const items = Array.from({ length: N }, (_, i) => ({
    id: `item-${i}`,
    benchmarkId: benchmark.id,
    disciplineId: disciplines[i % disciplines.length].id,
    position: i,
    stem: `Synthetic question ${i}: concept ${i} causes something that is part of which of the following?`,
    options: operators.map((operator, k) => ({ text: `option ${k} of item ${i}`, conceptId: `c${i}-${k}`, operator })),
    answerIndex: 0,
    difficulty: 2 + (i % 3),
    path: [{ subject: `concept ${i}`, predicate: "causes", object: `middle ${i}`, relationId: `r${i}`, subjectId: `s${i}`, objectId: `m${i}` }],
  }));
  await inBatches(items, (batch) => db.benchmarkItem.createMany({ data: batch }));
  const sets: { id: string }[] = [];
  for (let m = 0; m < M; m++) sets.push(await db.trainingSet.create({ data: { name: "scale-data", version: m + 1, parentId: sets[m - 1]?.id ?? null, status: "APPROVED", settings: {}, lineage: {} } }));
  const runs = [];
  for (let m = 0; m < M; m++) {
    const model = await db.modelVersion.create({ data: { name: `v${m}`, stage: m === 0 ? "BASE" : "CUSTOM", trainer: "local", trainingSetId: sets[m].id, createdAt: new Date(Date.UTC(2026, 0, 1, m)) } });
    const right = 0.6 + (0.2 * m) / Math.max(1, M - 1);
    const choices = items.map(() => (random() < right ? 0 : 1 + Math.floor(random() * 3)));
    const metrics = evaluationMetrics(items.map((it, k) => ({ discipline: it.disciplineId, hops: it.difficulty, answerIndex: 0, choice: choices[k], operators: [...operators] })));
    const run = await db.evaluationRun.create({ data: { modelVersionId: model.id, benchmarkId: benchmark.id, total: N, answered: N, correct: metrics.correct, metrics, finishedAt: new Date() } });
    await inBatches(items.map((it, k) => ({ evaluationRunId: run.id, itemId: it.id, prompt: "", raw: "", choice: choices[k], correct: choices[k] === 0, chosenOperator: choices[k] ? operators[choices[k]] : null, latencyMs: 1 })), (batch) => db.evaluationAnswer.createMany({ data: batch }));
    runs.push({ run, choices });
  }
  // The second newest traced: one trace and one patch (teaching the item's relation) per failure, applied to the newest's data.
  const traced = runs[M - 2];
  const debugRun = await db.debugRun.create({ data: { evaluationRunId: traced.run.id, finishedAt: new Date() } });
  const failed = items.filter((_, k) => traced.choices[k] !== 0);
  await inBatches(failed.map((it) => ({ debugRunId: debugRun.id, itemId: it.id, disciplineId: it.disciplineId, diagnosis: "MISSING_RELATION" as const, probes: {} })), (batch) => db.failureTrace.createMany({ data: batch }));
  await inBatches(failed.map((it) => ({ debugRunId: debugRun.id, disciplineId: it.disciplineId, targetKind: "relation", targetId: `r${it.position}`, form: "relation", content: {}, generated: {}, status: "APPLIED" as const, gatePassed: true, itemIds: [it.id], appliedToId: sets[M - 1].id })), (batch) => db.patch.createMany({ data: batch }));

  const time = async (label: string) => {
    const started = performance.now();
    const r = await dashboardReport(db, reportQuery.parse({}));
    const ms = performance.now() - started;
    console.log(`${label}: ${ms.toFixed(0)} ms, ${(JSON.stringify(r).length / 1e6).toFixed(2)} MB of JSON, ${r.pair?.fixed} fixed and ${r.pair?.broken} broken (${r.flips.length} listed), ${r.flips.reduce((a, f) => a + f.patches.length, 0)} patch links`);
  };
  console.log(`${N} items, ${M} versions (${N * M} answers), ${failed.length} traced failures and patches`);
  await time("cold");
  for (let i = 1; i <= 3; i++) await time(`warm ${i}`);
} finally {
  await disconnectDb();
  await handle.release();
  fs.rmSync(process.env.PRODA_HOME!, { recursive: true, force: true });
}
