// A small, hand-made workspace for the dashboards' figures: one frozen benchmark of ten items
// (six in biology, four in chemistry), three versions evaluated on it (base, V1, V2 = V1's data +
// patches), V1's failures traced with patches applied to V2's data, and external scores.
import { evaluationMetrics } from "@/lib/domain/evaluation";
import type { ItemOption, PathStep } from "@/lib/domain/tester";
import type { Db, Prisma } from "@/lib/server/db";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";

const OPTIONS: ItemOption[] = [
  { text: "alpha", operator: "ANSWER", conceptId: "x0" },
  { text: "beta", operator: "INVREL", conceptId: "x1" },
  { text: "gamma", operator: "TRUNC", conceptId: "x2" },
  { text: "delta", operator: "NEARMISS", conceptId: "x3" },
];
const ITEMS = Array.from({ length: 10 }, (_, k) => ({ id: `i${k + 1}`, discipline: k < 6 ? "biology" : "chemistry", hops: [2, 2, 3, 3, 2, 3, 2, 2, 3, 3][k] }));

/**
 * Each version's choice per item (0 is the answer, null no option):
 * base 5/10; V1 7/10 (wrong on i3 INVREL, i6 INVREL, i8 NEARMISS); V2 8/10 (fixes i3 and i6, breaks i5).
 */
export const CHOICES: Record<string, (number | null)[]> = {
  base: [0, 0, 1, 2, 0, null, 0, 3, 0, 1],
  V1: [0, 0, 1, 0, 0, 1, 0, 3, 0, 0],
  V2: [0, 0, 0, 0, 1, 0, 0, 3, 0, 0],
};

const core = (instances: number, grounded: number, parent: { id: string; name: string; version: number } | null, added: number) => ({
  instances, grounded, linked: instances, coverage: [], schemaErrors: 0, duplicates: 0, reachability: { violations: 0 },
  lineage: { parent, added, removed: 0, note: parent ? "v1-data v1 + 2 patches" : null },
});

export async function seedDashboardFixture(db: Db) {
  await ensureDefaultDisciplines(db);
  const slugs = new Map((await db.discipline.findMany({ select: { id: true, slug: true } })).map((d) => [d.slug, d.id]));
  const bio = slugs.get("biology")!;
  await db.concept.createMany({ data: ["a3", "c3", "c5", "c6"].map((id) => ({ id, disciplineId: bio, name: `concept ${id}`, canonicalName: `concept ${id}` })) });
  await db.relation.create({ data: { id: "r3", disciplineId: bio, subjectId: "a3", predicate: "causes", objectId: "c3", evidence: "a3 causes c3." } });

  const benchmark = await db.benchmark.create({ data: { version: 1, name: "Dashboard fixture", status: "FROZEN", seed: 1, report: {}, itemCount: 10, frozenAt: new Date("2026-01-01T00:00:00Z") } });
  await db.benchmarkItem.createMany({
    data: ITEMS.map((it, k) => {
      const path: PathStep[] = [{ subject: `start ${it.id}`, predicate: "causes", object: `concept c${k + 1}`, relationId: `r${k + 1}`, subjectId: `a${k + 1}`, objectId: `c${k + 1}` }];
      return { id: it.id, benchmarkId: benchmark.id, disciplineId: slugs.get(it.discipline)!, position: k, stem: `What does start ${it.id} cause?`, options: OPTIONS as unknown as Prisma.InputJsonValue, answerIndex: 0, difficulty: it.hops, path: path as unknown as Prisma.InputJsonValue };
    }),
  });

  const s1 = await db.trainingSet.create({ data: { id: "s1", name: "v1-data", version: 1, status: "APPROVED", settings: {}, lineage: {}, instanceCount: 10, core: core(10, 8, null, 10) } });
  await db.trainingSet.create({ data: { id: "s2", name: "v1-data", version: 2, parentId: s1.id, status: "APPROVED", settings: {}, instanceCount: 13, core: core(13, 11, { id: s1.id, name: s1.name, version: 1 }, 3), lineage: { patches: [{ patchId: "p1" }, { patchId: "p2" }, { patchId: "p4" }] } } });

  const runs: Record<string, string> = {};
  let minute = 0;
  for (const [name, stage, trainingSetId] of [["base", "BASE", null], ["V1", "V1", "s1"], ["V2", "V2", "s2"]] as const) {
    const at = new Date(Date.UTC(2026, 0, 2, 0, minute++));
    const model = await db.modelVersion.create({ data: { name, stage, trainer: trainingSetId ? "local" : "registered", trainingSetId, createdAt: at } });
    const choices = CHOICES[name];
    const metrics = evaluationMetrics(ITEMS.map((it, k) => ({ discipline: it.discipline, hops: it.hops, answerIndex: 0, choice: choices[k], operators: OPTIONS.map((o) => o.operator) })));
    const run = await db.evaluationRun.create({ data: { modelVersionId: model.id, benchmarkId: benchmark.id, total: 10, answered: 10, correct: metrics.correct, unparseable: metrics.unparseable, metrics, createdAt: at, finishedAt: at } });
    runs[name] = run.id;
    await db.evaluationAnswer.createMany({
      data: ITEMS.map((it, k) => ({ evaluationRunId: run.id, itemId: it.id, prompt: "", raw: String(choices[k]), choice: choices[k], correct: choices[k] === 0, chosenOperator: choices[k] === null || choices[k] === 0 ? null : OPTIONS[choices[k]!].operator, latencyMs: 1 })),
    });
  }

  // V1 traced: i3 a missing relation, i6 a missing concept, i8 a composition failure.
  const debugRun = await db.debugRun.create({ data: { evaluationRunId: runs.V1, total: 3, traced: 3, finishedAt: new Date() } });
  for (const [itemId, discipline, diagnosis] of [["i3", bio, "MISSING_RELATION"], ["i6", bio, "MISSING_CONCEPT"], ["i8", slugs.get("chemistry")!, "COMPOSITION"]] as const) {
    await db.failureTrace.create({ data: { debugRunId: debugRun.id, itemId, disciplineId: discipline, diagnosis, probes: { results: [], unprobed: [], because: "" } } });
  }
  const patch = (id: string, targetKind: string, targetId: string, itemIds: string[], status: "APPLIED" | "REJECTED") => ({
    id, debugRunId: debugRun.id, disciplineId: bio, targetKind, targetId, form: targetKind === "relation" ? "relation" : "definition", content: {}, generated: {}, status, gatePassed: true, itemIds, appliedToId: status === "APPLIED" ? "s2" : null,
  });
  await db.patch.createMany({
    data: [
      // p1 answers i3 (fixed by V2); p2 answers i6 (fixed); p4 was made for i8 but teaches c5, on i5's chain (broken by V2); p3 was rejected.
      patch("p1", "relation", "r3", ["i3"], "APPLIED"),
      patch("p2", "concept", "c6", ["i6"], "APPLIED"),
      patch("p3", "relation", "r8", ["i8"], "REJECTED"),
      patch("p4", "concept", "c5", ["i8"], "APPLIED"),
    ],
  });
  return { benchmarkId: benchmark.id, runs, debugRunId: debugRun.id };
}
