import { z } from "zod";
import { answerBaselines, compareModels, dashboardReportSchema, externalCorrelations, type AnswerBaselines, type ComparedItem, type DashboardReport } from "@/lib/domain/dashboards";
import { DomainError } from "@/lib/domain/errors";
import type { ItemOption } from "@/lib/domain/tester";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { listExternalScores } from "@/lib/server/services/dashboards/external-scores";
import { coreColumns, diagnosesOf, flipPatches, trainingSetTree } from "./dashboard-parts";

const names = z
  .string()
  .trim()
  .transform((s) => s.split(",").map((n) => n.trim()).filter(Boolean));

/** The dashboard's choices, as the URL and `proda report` give them. */
export const reportQuery = z.object({
  /** a frozen benchmark: its id, v<N> or N; the newest frozen one with an evaluation by default */
  benchmark: z.string().trim().optional(),
  /** model version names, comma-separated; the (at most 4) newest evaluated on the benchmark by default */
  models: names.optional(),
  /** the two versions to pair, older first; the last two compared by default */
  pair: names.optional(),
});
export type ReportQuery = z.input<typeof reportQuery>;

/** Versions compared when none are named: enough to read a grouped bar chart at a glance. */
export const DEFAULT_COMPARED = 4;
/** Flips listed in full; the rest are counted (the pair's fixed and broken counts are exact). */
export const MAX_FLIPS_LISTED = 1000;

/**
 * A frozen benchmark's items never change, so neither do its answer-bias baselines (the costliest
 * part of a report: every option's words): kept per benchmark for the last few asked.
 */
const baselinesOf = new Map<string, AnswerBaselines>();
function cachedBaselines(benchmarkId: string, items: readonly ComparedItem[]): AnswerBaselines {
  const key = `${benchmarkId}:${items.length}`;
  let b = baselinesOf.get(key);
  if (!b) {
    b = answerBaselines(items);
    if (baselinesOf.size >= 8) baselinesOf.delete(baselinesOf.keys().next().value!);
    baselinesOf.set(key, b);
  }
  return b;
}

const bad = (field: string, message: string) => new DomainError("BAD_INPUT", message, { fields: [{ field, message }] });

/** Frozen benchmarks, newest first, with their active items and how many versions were evaluated on each. */
async function frozenBenchmarks(db: Db) {
  return db.$queryRaw<{ id: string; version: number; name: string; frozenAt: Date | null; items: number; evaluated: number }[]>`
    SELECT b.id, b.version, b.name, b."frozenAt",
      (SELECT count(*)::int FROM "BenchmarkItem" i WHERE i."benchmarkId" = b.id AND i.status = 'ACTIVE') AS items,
      (SELECT count(DISTINCT e."modelVersionId")::int FROM "EvaluationRun" e WHERE e."benchmarkId" = b.id AND e."finishedAt" IS NOT NULL AND e.metrics IS NOT NULL) AS evaluated
    FROM "Benchmark" b WHERE b.status = 'FROZEN' ORDER BY b.version DESC`;
}

/**
 * The leads' report for one frozen benchmark and a set of versions: a fixed number of statements
 * whatever the number of items (the items, every compared version's answers in one read, the
 * flips' patches, the diagnoses, the CORE reports, the external scores), then pure computation.
 */
export async function dashboardReport(db: Db, q: z.infer<typeof reportQuery>): Promise<DashboardReport> {
  const benchmarks = await frozenBenchmarks(db);
  const ref = q.benchmark?.replace(/^v/i, "");
  const benchmark = q.benchmark ? benchmarks.find((b) => b.id === q.benchmark || String(b.version) === ref) : benchmarks.find((b) => b.evaluated > 0);
  if (q.benchmark && !benchmark) throw new DomainError("NOT_FOUND", `No frozen benchmark "${q.benchmark}" (use its id or v<N>)`, { fields: [{ field: "benchmark", message: "no such frozen benchmark" }] });
  const scores = await listExternalScores(db);
  const empty: DashboardReport = {
    benchmarks: benchmarks.map(({ frozenAt: _, ...b }) => b),
    benchmark: null, available: [], models: [], pair: null, byDiscipline: [], byLength: [], flips: [], flipsNotListed: 0, diagnoses: [],
    answerBias: { items: 0, chance: 0, longestOption: 0, stemOverlap: 0, mostFrequentOption: 0 },
    external: { scores, correlations: [] }, core: [],
  };
  if (!benchmark) return empty;

  // The newest finished evaluation of each version on this benchmark, oldest version first.
  const runs = (
    await db.evaluationRun.findMany({
      where: { benchmarkId: benchmark.id, finishedAt: { not: null }, metrics: { not: P.DbNull } },
      orderBy: { finishedAt: "desc" },
      distinct: ["modelVersionId"],
      select: { id: true, finishedAt: true, correct: true, answered: true, modelVersion: { select: { id: true, name: true, stage: true, trainer: true, createdAt: true, trainingSet: { select: { id: true, name: true, version: true } } } } },
    })
  ).sort((a, b) => a.modelVersion.createdAt.getTime() - b.modelVersion.createdAt.getTime() || a.modelVersion.name.localeCompare(b.modelVersion.name));
  const available = runs.map((r) => ({ name: r.modelVersion.name, stage: r.modelVersion.stage, accuracy: r.answered ? r.correct / r.answered : 0 }));
  const evaluated = new Map(runs.map((r) => [r.modelVersion.name, r]));

  const chosen = q.models?.length ? [...new Set(q.models)] : runs.slice(-DEFAULT_COMPARED).map((r) => r.modelVersion.name);
  const missing = chosen.filter((n) => !evaluated.has(n));
  if (missing.length) throw bad("models", `Not evaluated on benchmark v${benchmark.version}: ${missing.join(", ")} (evaluated: ${available.map((a) => a.name).join(", ") || "none"})`);
  const pairNames = q.pair?.length ? q.pair : chosen.slice(-2);
  if (q.pair?.length && (pairNames.length !== 2 || pairNames[0] === pairNames[1])) throw bad("pair", "The pair is two different versions, older first: pair=V1,V2");
  const strayPair = pairNames.filter((n) => !chosen.includes(n));
  if (q.pair?.length && strayPair.length) throw bad("pair", `The pair must be among the compared versions: ${strayPair.join(", ")} is not`);
  const pair = pairNames.length === 2 ? ([pairNames[0], pairNames[1]] as const) : null;
  const compared = chosen.map((n) => evaluated.get(n)!);

  const [itemRows, answerRows, disciplineRows] = await Promise.all([
    db.benchmarkItem.findMany({ where: { benchmarkId: benchmark.id, status: "ACTIVE" }, orderBy: { position: "asc" }, select: { id: true, position: true, stem: true, options: true, answerIndex: true, difficulty: true, path: true, disciplineId: true } }),
    db.evaluationAnswer.findMany({ where: { evaluationRunId: { in: compared.map((r) => r.id) } }, select: { evaluationRunId: true, itemId: true, choice: true } }),
    db.discipline.findMany({ select: { id: true, slug: true, name: true, sortOrder: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
  ]);
  const disciplines = new Map(disciplineRows.map((d, order) => [d.id, { slug: d.slug, name: d.name, order }]));
  const items: ComparedItem[] = itemRows.map((i) => ({ id: i.id, discipline: disciplines.get(i.disciplineId)?.slug ?? i.disciplineId, hops: i.difficulty, stem: i.stem, options: i.options as ItemOption[], answerIndex: i.answerIndex }));
  const answers = new Map(compared.map((r) => [r.id, new Map<string, number | null>()]));
  for (const a of answerRows) answers.get(a.evaluationRunId)!.set(a.itemId, a.choice);
  const usedDisciplines = new Set(itemRows.map((i) => i.disciplineId));
  const c = compareModels({
    items,
    baselines: cachedBaselines(benchmark.id, items),
    disciplines: disciplineRows.filter((d) => usedDisciplines.has(d.id)).map((d) => ({ slug: d.slug, name: d.name })),
    models: compared.map((r) => ({ name: r.modelVersion.name, answers: answers.get(r.id)! })),
    pair,
  });

  const itemById = new Map(itemRows.map((i) => [i.id, i]));
  const listed = c.flips.slice(0, MAX_FLIPS_LISTED);
  const tree = await trainingSetTree(db);
  const setOf = (name: string | undefined) => (name ? (evaluated.get(name)?.modelVersion.trainingSet?.id ?? null) : null);
  const patches = await flipPatches(db, listed.map((f) => itemById.get(f.itemId)!), { newer: setOf(pair?.[1]), older: setOf(pair?.[0]) }, tree);
  const flips = listed.map((f) => {
    const i = itemById.get(f.itemId)!;
    return { ...f, position: i.position, stem: i.stem, discipline: disciplines.get(i.disciplineId)?.slug ?? i.disciplineId, hops: i.difficulty, patches: patches.get(f.itemId) ?? [] };
  });

  const [diagnoses, core] = await Promise.all([
    diagnosesOf(db, compared.map((r) => ({ model: r.modelVersion.name, evaluationRunId: r.id })), disciplines),
    coreColumns(db, compared.map((r) => ({ name: r.modelVersion.name, trainingSetId: r.modelVersion.trainingSet?.id ?? null }))),
  ]);

  return dashboardReportSchema.parse({
    ...empty,
    benchmark: { id: benchmark.id, version: benchmark.version, name: benchmark.name, items: benchmark.items, frozenAt: benchmark.frozenAt?.toISOString() ?? null },
    available,
    models: compared.map((r) => {
      const m = c.metrics.get(r.modelVersion.name)!;
      const op = m.byOperator;
      return {
        id: r.modelVersion.id,
        name: r.modelVersion.name,
        stage: r.modelVersion.stage,
        trainer: r.modelVersion.trainer,
        trainingSet: r.modelVersion.trainingSet,
        evaluationRunId: r.id,
        evaluatedAt: r.finishedAt!.toISOString(),
        overall: { n: m.n, correct: m.correct, accuracy: m.accuracy, interval: m.interval, unparseable: m.unparseable },
        operators: { INVREL: op.INVREL.rate, TRUNC: op.TRUNC.rate, NEARMISS: op.NEARMISS.rate, unparseable: op.unparseable.rate, counts: { INVREL: op.INVREL.count, TRUNC: op.TRUNC.count, NEARMISS: op.NEARMISS.count, unparseable: op.unparseable.count } },
      };
    }),
    pair: c.pair,
    byDiscipline: c.byDiscipline,
    byLength: c.byLength,
    flips,
    flipsNotListed: c.flips.length - listed.length,
    diagnoses,
    answerBias: c.answerBias,
    external: { scores, correlations: externalCorrelations(scores, new Map(available.map((a) => [a.name, a.accuracy]))) },
    core,
  });
}
