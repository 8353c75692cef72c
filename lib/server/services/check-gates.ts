import type { Db } from "@/lib/server/db";
import { checkOrthogonality, indexBenchmarks, type GateReport } from "./builder/check-orthogonality";
import { checkStructure, type CheckReport } from "./knowledge/check-structure";

export type GatesReport = CheckReport & {
  orthogonality: {
    benchmarks: number;
    items: number;
    violations: number;
    trainingSets: ({ id: string; name: string; version: number } & Omit<GateReport, "trainingSetId">)[];
  };
};

/**
 * `proda check`: reachability of the structure, and the orthogonality gate of the latest
 * version of every training set against every benchmark (each check is recorded).
 */
export async function checkGates(db: Db, disciplineSlug?: string): Promise<GatesReport> {
  const structure = await checkStructure(db, disciplineSlug);
  const sets = await db.$queryRaw<{ id: string; name: string; version: number }[]>`
    SELECT DISTINCT ON (name) id, name, version FROM "TrainingSet" WHERE status <> 'BUILDING' ORDER BY name, version DESC`;
  const trainingSets = [];
  // The items are loaded and indexed once, however many training sets are checked against them.
  const indexed = sets.length ? await indexBenchmarks(db, undefined) : undefined;
  for (const s of sets) {
    const { trainingSetId: _, ...gate } = await checkOrthogonality(db, s.id, undefined, { indexed });
    trainingSets.push({ ...s, ...gate });
  }
  const [benchmarks, items] = await Promise.all([db.benchmark.count(), db.benchmarkItem.count({ where: { status: "ACTIVE" } })]);
  const violations = trainingSets.reduce((n, t) => n + t.violations, 0);
  return { ...structure, ok: structure.ok && violations === 0, orthogonality: { benchmarks, items, violations, trainingSets } };
}
