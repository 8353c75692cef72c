import { DIAGNOSES, type Diagnosis } from "@/lib/domain/debugger/types";
import { evaluationMetricsSchema, pairedDifferenceInterval } from "@/lib/domain/evaluation";
import type { Db } from "@/lib/server/db";
import { checkStructure } from "@/lib/server/services/knowledge/check-structure";
import type { Made, Role } from "./loop-context";
import type { LoopFigures, LoopGain } from "./loop-report";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;

async function setFigures(db: Db, id: string | undefined) {
  if (!id) return null;
  const [set, patches, check] = await Promise.all([
    db.trainingSet.findUniqueOrThrow({ where: { id }, select: { id: true, instanceCount: true } }),
    db.trainingInstance.count({ where: { trainingSetId: id, patchId: { not: null } } }),
    db.orthogonalityCheck.findFirst({ where: { trainingSetId: id }, orderBy: { createdAt: "desc" }, select: { violationCount: true } }),
  ]);
  return { set: { id: set.id, instances: set.instanceCount }, patches, gate: check ? { violations: check.violationCount } : null };
}

async function modelFigures(db: Db, evaluationRunId: string | undefined) {
  if (!evaluationRunId) return null;
  const run = await db.evaluationRun.findUniqueOrThrow({ where: { id: evaluationRunId }, select: { metrics: true } });
  const m = evaluationMetricsSchema.parse(run.metrics);
  return { accuracy: m.accuracy, byDiscipline: Object.fromEntries(Object.entries(m.byDiscipline).map(([slug, g]) => [slug, g.accuracy])) };
}

async function failureFigures(db: Db, debugRunId: string | undefined) {
  if (!debugRunId) return null;
  const [run, traces] = await Promise.all([
    db.debugRun.findUniqueOrThrow({ where: { id: debugRunId }, select: { total: true } }),
    db.failureTrace.groupBy({ by: ["diagnosis"], where: { debugRunId }, _count: { _all: true } }),
  ]);
  const byDiagnosis = Object.fromEntries(DIAGNOSES.map((d) => [d, traces.find((t) => t.diagnosis === d)?._count._all ?? 0])) as Record<Diagnosis, number>;
  return { V1: run.total, traced: traces.reduce((a, t) => a + t._count._all, 0), byDiagnosis };
}

/** The loop's figures as they stand, read from what the stages made (null where nothing was made yet). */
export async function loopFigures(db: Db, made: Made): Promise<LoopFigures> {
  const [structure, benchmark, v1, v2, m1, m2, failures, gain] = await Promise.all([
    checkStructure(db),
    made.benchmark ? db.benchmark.findUniqueOrThrow({ where: { id: made.benchmark.id }, select: { id: true, itemCount: true, report: true } }) : null,
    setFigures(db, made.sets.V1?.id),
    setFigures(db, made.sets.V2?.id),
    modelFigures(db, made.evaluations.V1),
    modelFigures(db, made.evaluations.V2),
    failureFigures(db, made.debugRun),
    gainFigures(db, made),
  ]);
  const byOperator = (benchmark?.report as { byOperator?: Record<"INVREL" | "TRUNC" | "NEARMISS", number> } | undefined)?.byOperator;
  return {
    knowledge: { concepts: structure.concepts, relations: structure.relations, chains: structure.chains, reachability: structure.reachability },
    benchmark: benchmark ? { id: benchmark.id, items: benchmark.itemCount, byOperator: { INVREL: byOperator?.INVREL ?? 0, TRUNC: byOperator?.TRUNC ?? 0, NEARMISS: byOperator?.NEARMISS ?? 0 } } : null,
    trainingSets: { V1: v1?.set ?? null, V2: v2 ? { ...v2.set, patches: v2.patches } : null },
    orthogonality: { V1: v1?.gate ?? null, V2: v2?.gate ?? null },
    models: { V1: m1, V2: m2 },
    gain,
    failures,
  };
}

/** V2 against V1 on the items both answered, paired by item; null until both answered the benchmark. */
export async function gainFigures(db: Db, made: Made): Promise<LoopGain | null> {
  const [before, after] = await Promise.all(
    (["V1", "V2"] as Role[]).map(async (r) => (made.evaluations[r] ? new Map((await db.evaluationAnswer.findMany({ where: { evaluationRunId: made.evaluations[r] }, select: { itemId: true, correct: true } })).map((a) => [a.itemId, a.correct])) : null)),
  );
  if (!before || !after) return null;
  const counts = { bothRight: 0, onlyBefore: 0, onlyAfter: 0, bothWrong: 0 };
  for (const [item, right] of after) {
    if (!before.has(item)) continue;
    const key = before.get(item) ? (right ? "bothRight" : "onlyBefore") : right ? "onlyAfter" : "bothWrong";
    counts[key]++;
  }
  const items = counts.bothRight + counts.onlyBefore + counts.onlyAfter + counts.bothWrong;
  const d = pairedDifferenceInterval(counts);
  return {
    items,
    V1: (counts.bothRight + counts.onlyBefore) / Math.max(1, items),
    V2: (counts.bothRight + counts.onlyAfter) / Math.max(1, items),
    difference: d.difference,
    interval: { low: d.low, high: d.high, level: 0.95 },
    fixed: counts.onlyAfter,
    broken: counts.onlyBefore,
  };
}

/** "V2 − V1: +15.8 points (65.8% → 81.6% on 38 items), 95% interval +2.9 to +28.7: 6 fixed, 0 broken". */
export const describeGain = (g: LoopGain) =>
  `V2 − V1: ${points(g.difference)} points (${pct(g.V1)} → ${pct(g.V2)} on ${g.items} items), 95% interval ${points(g.interval.low)} to ${points(g.interval.high)}: ${g.fixed} fixed, ${g.broken} broken`;

export async function gainOf(db: Db, made: Made): Promise<string | null> {
  const gain = await gainFigures(db, made);
  return gain && describeGain(gain);
}
