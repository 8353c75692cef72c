import type { Db } from "@/lib/server/db";
import type { StoredStage } from "./fingerprints";
import type { StageName } from "./loop-report";

type Count = { label: string; value: string };
const n = (label: string, value: number): Count => ({ label, value: value.toLocaleString("en-US") });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * What each stage made, for its card on the Pipeline page: read from the ids its last successful
 * run recorded (LoopStage.output), so a card shows the loop's own versions, not whatever was built
 * by hand since. Stages that record nothing (evaluate-base, patch) show the workspace's state.
 */
export async function stageCounts(db: Db, stored: Map<StageName, StoredStage>): Promise<Record<StageName, Count[]>> {
  const out = (s: StageName) => stored.get(s)?.output ?? null;
  const set = async (id: string | null) => {
    if (!id) return [];
    const [row, patches] = await Promise.all([
      db.trainingSet.findUnique({ where: { id }, select: { name: true, version: true, instanceCount: true } }),
      db.trainingInstance.count({ where: { trainingSetId: id, patchId: { not: null } } }),
    ]);
    return row ? [{ label: "set", value: `${row.name}@${row.version}` }, n("instances", row.instanceCount), ...(patches ? [n("from patches", patches)] : [])] : [];
  };
  const gate = async (id: string | null) => {
    const c = id ? await db.orthogonalityCheck.findUnique({ where: { id }, select: { passed: true, violationCount: true } }) : null;
    return c ? [n("violations", c.violationCount), { label: "gate", value: c.passed ? "passed" : "failed" }] : [];
  };
  const model = async (id: string | null) => {
    const m = id ? await db.modelVersion.findUnique({ where: { id }, select: { name: true } }) : null;
    return m ? [{ label: "model", value: m.name }] : [];
  };
  const evaluation = async (id: string | null) => {
    const e = id ? await db.evaluationRun.findUnique({ where: { id }, select: { correct: true, total: true } }) : null;
    return e && e.total ? [{ label: "accuracy", value: pct(e.correct / e.total) }, { label: "right", value: `${e.correct} of ${e.total}` }] : [];
  };
  const debugRunId = out("trace");
  const [concepts, relations, chains, benchmark, v1, g1, m1, e1, bases, trace, patches, v2, g2, m2, e2] = await Promise.all([
    db.concept.count(),
    db.relation.count(),
    db.chain.count(),
    out("benchmark") ? db.benchmark.findUnique({ where: { id: out("benchmark")! }, select: { version: true, itemCount: true } }) : null,
    set(out("build-v1")),
    gate(out("gates-v1")),
    model(out("train-v1")),
    evaluation(out("evaluate-v1")),
    db.modelVersion.count({ where: { stage: { in: ["BASE", "OFFICIAL"] } } }),
    debugRunId ? db.debugRun.findUnique({ where: { id: debugRunId }, select: { total: true, traced: true } }) : null,
    debugRunId ? db.patch.groupBy({ by: ["status"], where: { debugRunId }, _count: { _all: true } }) : [],
    set(out("build-v2")),
    gate(out("gates-v2")),
    model(out("train-v2")),
    evaluation(out("evaluate-v2")),
  ]);
  const patchesIn = (...statuses: string[]) => patches.filter((p) => statuses.includes(p.status)).reduce((a, p) => a + p._count._all, 0);
  const [a1, a2] = [e1.find((c) => c.label === "accuracy"), e2.find((c) => c.label === "accuracy")];
  return {
    extract: [n("concepts", concepts), n("relations", relations), n("chains", chains)],
    benchmark: benchmark ? [{ label: "version", value: `v${benchmark.version}` }, n("items", benchmark.itemCount)] : [],
    "build-v1": v1,
    "gates-v1": g1,
    "train-v1": m1,
    "evaluate-v1": e1,
    "evaluate-base": [n("base models", bases)],
    trace: trace ? [n("failures", trace.total), n("traced", trace.traced)] : [],
    patch: patches.length ? [n("waiting", patchesIn("PROPOSED")), n("approved", patchesIn("APPROVED", "APPLIED")), n("rejected", patchesIn("REJECTED"))] : [],
    "build-v2": v2,
    "gates-v2": g2,
    "train-v2": m2,
    "evaluate-v2": e2,
    report: a1 && a2 ? [{ label: "V1 → V2", value: `${a1.value} → ${a2.value}` }] : [],
  };
}
