import { DomainError } from "@/lib/domain/errors";
import { DEFAULT_PREDICATES } from "@/lib/domain/knowledge/vocabulary";
import { createBenchmarkIndex, type BenchmarkIndex, type Violation } from "@/lib/domain/orthogonality";
import type { ItemOption, PathStep } from "@/lib/domain/tester";
import type { Db } from "@/lib/server/db";
import { inPositionOrder } from "@/lib/server/queries/in-position-order";

/** Instances read at once: at most this many in memory, and about 20 steps of progress for any size. */
const READ_BATCH = 5000;
const batchSize = (total: number) => Math.min(READ_BATCH, Math.max(100, Math.ceil(total / 20)));
const KEPT_VIOLATIONS = 5000;

export type GateReport = {
  checkId: string;
  trainingSetId: string;
  benchmarks: number[];
  items: number;
  checked: number;
  violations: number;
  passed: boolean;
  /** the first offending pairs, with the texts side by side */
  pairs: { instanceId: string; itemId: string; kind: string; shared: string; similarity: number }[];
};

/** The benchmarks' active items, indexed once: `proda check` reuses it for every training set. */
export type IndexedBenchmarks = { benchmarks: { id: string; version: number; status: string }[]; items: number; index: BenchmarkIndex };

type Hooks = {
  runId?: string;
  progress?: (fraction: number, message?: string) => Promise<void>;
  throwIfCancelled?: () => Promise<void>;
  /** an index already built for these benchmarks */
  indexed?: IndexedBenchmarks;
};

/** What a benchmark item is compared by: its question and every option. */
export const itemText = (stem: string, options: ItemOption[]) => `${stem} ${options.map((o) => o.text).join(" ")}`;
export const instanceText = (prompt: string, completion: string) => `${prompt}\n${completion}`;

/**
 * The gate can run: the training set exists (404) and is built (409), and so do the benchmarks
 * named. Checked again before a check job is queued, so a request that cannot succeed is refused
 * then rather than failing later in the job.
 */
/** Refuses a check that cannot run (404, 409); answers what the run is called ("V1 v2"). */
export async function assertCheckable(db: Db, trainingSetId: string, benchmarkIds?: string[]): Promise<string> {
  const set = await db.trainingSet.findUnique({ where: { id: trainingSetId }, select: { status: true, name: true, version: true } });
  if (!set) throw new DomainError("NOT_FOUND", `No training set ${trainingSetId}`);
  if (set.status === "BUILDING") throw new DomainError("CONFLICT", `${set.name} v${set.version} is still being built`);
  if (benchmarkIds?.length) await findBenchmarks(db, benchmarkIds);
  return `${set.name} v${set.version}`;
}

async function findBenchmarks(db: Db, benchmarkIds: string[] | undefined) {
  const benchmarks = await db.benchmark.findMany({ where: benchmarkIds?.length ? { id: { in: benchmarkIds } } : {}, select: { id: true, version: true, status: true } });
  if (benchmarkIds?.length && benchmarks.length !== new Set(benchmarkIds).size) throw new DomainError("NOT_FOUND", "Some of the benchmarks do not exist");
  return benchmarks;
}

/**
 * The gate: every instance of a training set against every active item of the benchmarks
 * (13-gram overlap, MinHash near duplicates, and what the instance states of each item's chain,
 * all indexed on the items so the instances stream through). The check and its offending pairs
 * are written together, tied to the run.
 */
export async function checkOrthogonality(db: Db, trainingSetId: string, benchmarkIds: string[] | undefined, hooks: Hooks = {}): Promise<GateReport> {
  if (hooks.runId) {
    const done = await db.orthogonalityCheck.findUnique({ where: { runId: hooks.runId }, include: { violations: { take: 20 } } });
    if (done) return reportOf(done, done.violations, []);
  }
  await assertCheckable(db, trainingSetId);
  const { benchmarks, items, index } = hooks.indexed ?? (await indexBenchmarks(db, benchmarkIds));
  const total = await db.trainingInstance.count({ where: { trainingSetId } });
  const take = batchSize(total);
  const violations: Violation[] = [];
  let count = 0;
  let checked = 0;
  const batches = inPositionOrder((after) =>
    db.trainingInstance.findMany({ where: { trainingSetId, position: { gt: after } }, select: { id: true, position: true, prompt: true, completion: true, conceptIds: true, relationIds: true }, orderBy: { position: "asc" }, take }),
  );
  for await (const batch of batches) {
    await hooks.throwIfCancelled?.();
    for (const x of batch) {
      const found = index.check({ id: x.id, text: instanceText(x.prompt, x.completion), conceptIds: x.conceptIds, relationIds: x.relationIds });
      count += found.length;
      for (const v of found) if (violations.length < KEPT_VIOLATIONS) violations.push(v);
    }
    checked += batch.length;
    await hooks.progress?.(checked / Math.max(1, total), `Checked ${checked} of ${total} instances against ${items} items`);
  }
  const check = await db.$transaction(async (tx) => {
    const row = await tx.orthogonalityCheck.create({
      data: {
        trainingSetId,
        benchmarkIds: benchmarks.map((b) => b.id),
        frozenIds: benchmarks.filter((b) => b.status === "FROZEN").map((b) => b.id),
        passed: count === 0,
        checked,
        violationCount: count,
        runId: hooks.runId ?? null,
      },
    });
    await tx.orthogonalityViolation.createMany({
      data: violations.map((v) => ({ checkId: row.id, instanceId: v.trainingId, itemId: v.benchmarkId, kind: v.kind, shared: v.shared, similarity: v.similarity })),
    });
    return row;
  });
  return reportOf(check, violations.slice(0, 20).map((v) => ({ instanceId: v.trainingId, itemId: v.benchmarkId, kind: v.kind, shared: v.shared, similarity: v.similarity })), benchmarks.map((b) => b.version), items);
}

/** The active items of the benchmarks (all of them when none are named), indexed for the gate. */
export async function indexBenchmarks(db: Db, benchmarkIds: string[] | undefined): Promise<IndexedBenchmarks> {
  const benchmarks = await findBenchmarks(db, benchmarkIds);
  const items = await db.benchmarkItem.findMany({ where: { benchmarkId: { in: benchmarks.map((b) => b.id) }, status: "ACTIVE" }, select: { id: true, stem: true, options: true, path: true } });
  const index = createBenchmarkIndex(
    items.map((i) => ({ id: i.id, text: itemText(i.stem, i.options as ItemOption[]), path: Array.isArray(i.path) ? (i.path as PathStep[]) : [] })),
    { phrase: await predicatePhrases(db) },
  );
  return { benchmarks, items: items.length, index };
}

/**
 * How a structural violation words each step ("is converted into"). Vocabularies are per
 * discipline but nearly always share their phrasings, and the words are only for reading, so one
 * phrase a predicate name is enough.
 */
async function predicatePhrases(db: Db): Promise<(predicate: string) => string> {
  const rows = await db.predicate.findMany({ select: { name: true, phrase: true }, distinct: ["name"], orderBy: { name: "asc" } });
  const phrases = new Map([...DEFAULT_PREDICATES, ...rows].map((p) => [p.name, p.phrase]));
  return (predicate) => phrases.get(predicate) ?? predicate.replace(/_/g, " ");
}

function reportOf(
  check: { id: string; trainingSetId: string; checked: number; violationCount: number; passed: boolean },
  pairs: GateReport["pairs"],
  versions: number[],
  items = 0,
): GateReport {
  return {
    checkId: check.id,
    trainingSetId: check.trainingSetId,
    benchmarks: versions,
    items,
    checked: check.checked,
    violations: check.violationCount,
    passed: check.passed,
    pairs: pairs.map(({ instanceId, itemId, kind, shared, similarity }) => ({ instanceId, itemId, kind, shared, similarity })),
  };
}
