import { modelDebugJob } from "@/lib/jobs/model-debug";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import type { Db } from "@/lib/server/db";
import { applyPatches } from "@/lib/server/services/debugger/apply-patches";
import { decidePatch } from "@/lib/server/services/debugger/review-patch";
import type { DebugReport } from "@/lib/server/services/debugger/trace-failures";
import type { EvaluationReport } from "@/lib/server/services/models/evaluate-model";
import { runStageJob, setLabel, StageFailure, type LoopContext } from "./loop-context";
import { plural, type Stage } from "./stage";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const words = (k: string) => k.toLowerCase().replace(/_/g, " ");

/** The base and official models with no finished evaluation on the loop's benchmark. */
async function unevaluated(ctx: LoopContext) {
  const benchmarkId = ctx.made.benchmark!.id;
  const models = await ctx.db.modelVersion.findMany({
    where: { stage: { in: ["BASE", "OFFICIAL"] } },
    select: { id: true, name: true, stage: true, evaluations: { where: { benchmarkId, finishedAt: { not: null } }, select: { id: true }, take: 1 } },
    orderBy: { name: "asc" },
  });
  return { all: models, pending: models.filter((m) => !m.evaluations.length) };
}

/**
 * evaluate-base: every registered base or official model on the benchmark, to compare V1 and V2
 * with. Its inputs are the data themselves: it has work exactly when one of them has no finished
 * evaluation on this benchmark (a model registered since, or a new benchmark).
 */
export const evaluateBaseStage: Stage = {
  name: "evaluate-base",
  async plan(ctx) {
    const { all, pending } = await unevaluated(ctx);
    if (!all.length) return { kind: "nothing", reason: "no base or official model is registered (`proda models register`)" };
    if (!pending.length) return { kind: "nothing", reason: `${all.map((m) => m.name).join(", ")} ${all.length === 1 ? "was" : "were"} evaluated on benchmark v${ctx.made.benchmark!.version}` };
    return { kind: "run" };
  },
  async restore() {
    return null;
  },
  async run(ctx) {
    const { pending } = await unevaluated(ctx);
    const done: string[] = [];
    let jobRunId: string | undefined;
    for (const m of pending) {
      const job = await runStageJob(ctx, "evaluate-base", modelEvaluateJob, { modelVersionId: m.id, benchmarkId: ctx.made.benchmark!.id });
      const report = job.result as EvaluationReport;
      done.push(`${m.name} (${m.stage}) ${pct(report.accuracy)}`);
      jobRunId = job.runId;
    }
    return { output: null, jobRunId, reason: `evaluated on benchmark v${ctx.made.benchmark!.version}: ${done.join(", ")}` };
  },
};

/** trace: up to date while the Debugger's finished run over V1's evaluation exists. */
export const traceStage: Stage = {
  name: "trace",
  async plan(ctx) {
    const evaluation = ctx.made.evaluations.V1;
    if (!evaluation) return { kind: "nothing", reason: "nothing to trace: V1 has no evaluation" };
    return { kind: "versions", fingerprint: { evaluation } };
  },
  async restore(ctx, stored) {
    const run = stored.output ? await ctx.db.debugRun.findUnique({ where: { id: stored.output }, select: { id: true, finishedAt: true, traced: true, total: true } }) : null;
    if (!run?.finishedAt) return null;
    ctx.made.debugRun = run.id;
    return `${ctx.made.models.V1?.name ?? "V1"}'s ${plural(run.total, "failure")} ${run.total === 1 ? "was" : "were"} traced${run.traced < run.total ? ` (${run.traced} of them)` : ""}`;
  },
  async run(ctx) {
    const job = await runStageJob(ctx, "trace", modelDebugJob, { evaluationRunId: ctx.made.evaluations.V1! });
    const r = job.result as DebugReport;
    ctx.made.debugRun = r.debugRunId;
    const diagnoses = Object.entries(r.byDiagnosis).filter(([, n]) => n).map(([k, n]) => `${n} ${words(k)}`).join(", ");
    const refused = r.patches.gateFailed ? ` (${r.patches.gateFailed} refused by the gate until edited)` : "";
    return { output: r.debugRunId, jobRunId: job.runId, reason: `traced ${r.traced} of ${r.model}'s ${plural(r.failures, "failure")}${diagnoses ? `: ${diagnoses}` : ""}; ${plural(r.patches.proposed, "patch")} proposed${refused}` };
  },
};

async function patchCounts(db: Db, debugRunId: string) {
  const rows = await db.patch.groupBy({ by: ["status", "gatePassed"], where: { debugRunId }, _count: { _all: true } });
  const n = (status: string, gatePassed?: boolean) => rows.filter((r) => r.status === status && (gatePassed === undefined || r.gatePassed === gatePassed)).reduce((a, r) => a + r._count._all, 0);
  return { total: rows.reduce((a, r) => a + r._count._all, 0), proposed: n("PROPOSED"), approvable: n("PROPOSED", true), approved: n("APPROVED"), applied: n("APPLIED"), rejected: n("REJECTED") };
}

/**
 * patch: the annotators' review. A patch waits for review while it is proposed and the gate passes
 * it (one the gate refuses cannot be approved until an annotator edits it, so it holds nothing up).
 * With --auto-approve the loop approves those; without it, the loop stops here while any is left.
 */
export const patchStage: Stage = {
  name: "patch",
  async plan(ctx) {
    if (!ctx.made.debugRun) return { kind: "nothing", reason: "nothing to review: V1's failures were not traced" };
    const c = await patchCounts(ctx.db, ctx.made.debugRun);
    if (!c.total) return { kind: "nothing", reason: "the Debugger proposed no patch" };
    const refused = c.proposed - c.approvable;
    const edits = refused ? `; ${plural(refused, "patch")} the gate refuses wait for an annotator's edit` : "";
    if (c.approvable && ctx.options.autoApprove) return { kind: "run" };
    if (c.approvable) {
      return {
        kind: "wait",
        reason:
          `${plural(c.approvable, "patch")} of the trace wait for review${edits}: ` +
          "`proda patch list --status PROPOSED`, then `proda patch approve <ids>|--all` and `proda patch reject <ids>`, or the Debugger page (/debugger); " +
          "then `proda loop` again, or `proda loop --auto-approve` to approve every patch the gate passes",
      };
    }
    return { kind: "nothing", reason: `the review is done: ${c.approved + c.applied} approved, ${c.rejected} rejected${edits}` };
  },
  async restore() {
    return null;
  },
  async run(ctx) {
    const ids = await ctx.db.patch.findMany({ where: { debugRunId: ctx.made.debugRun!, status: "PROPOSED", gatePassed: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
    for (const { id } of ids) await decidePatch(ctx.db, null, id, { decision: "approve" });
    const left = (await patchCounts(ctx.db, ctx.made.debugRun!)).proposed;
    return { output: null, reason: `approved ${plural(ids.length, "patch")} the gate passes (--auto-approve)${left ? `; ${plural(left, "patch")} the gate refuses wait for an annotator's edit` : ""}` };
  },
};

/** The V2 set made from a debug run's patches, newest first (by the loop or by `proda patch apply`). */
const patchedSet = (db: Db, debugRunId: string) =>
  db.trainingSet.findFirst({ where: { settings: { path: ["patchedFrom"], equals: debugRunId }, status: { not: "BUILDING" } }, orderBy: { version: "desc" }, select: { id: true, name: true, version: true, instanceCount: true, parent: { select: { name: true, version: true } } } });

/** build-v2: V2 = V1 + the approved patches; up to date while no patch of the trace was approved since. */
export const buildV2Stage: Stage = {
  name: "build-v2",
  async plan(ctx) {
    const c = ctx.made.debugRun ? await patchCounts(ctx.db, ctx.made.debugRun) : { approved: 0, applied: 0 };
    if (!c.approved && !c.applied) return { kind: "nothing", reason: "no approved patch: there is no V2 to build" };
    return { kind: "versions", fingerprint: { debugRun: ctx.made.debugRun!, patches: c.approved + c.applied } };
  },
  async restore(ctx, stored) {
    const set = stored.output ? await ctx.db.trainingSet.findUnique({ where: { id: stored.output }, select: { id: true, name: true, version: true, status: true, instanceCount: true } }) : null;
    if (!set || set.status === "BUILDING") return null;
    ctx.made.sets.V2 = set;
    return `${setLabel(set)} = V1 + ${plural(Number(stored.fingerprint.patches), "approved patch")} (${plural(set.instanceCount, "instance")})`;
  },
  async run(ctx) {
    const debugRunId = ctx.made.debugRun!;
    if (!(await patchCounts(ctx.db, debugRunId)).approved) {
      // Every approved patch is applied already (`proda patch apply`): that set is V2.
      const set = await patchedSet(ctx.db, debugRunId);
      if (!set) throw new StageFailure("build-v2: the approved patches were applied, but to no training set that is still here", "NOT_FOUND");
      ctx.made.sets.V2 = set;
      return { output: set.id, reason: `${setLabel(set)} = ${set.parent ? setLabel(set.parent) : "V1"} + patches was applied before (\`proda patch apply\`)` };
    }
    const r = await applyPatches(ctx.db, null, debugRunId);
    ctx.made.sets.V2 = { id: r.trainingSetId, name: r.name, version: r.version };
    return { output: r.trainingSetId, reason: `built ${setLabel(r)} = ${setLabel(r.parent)} + ${plural(r.patches, "patch")}: ${plural(r.instances, "instance")}` };
  },
};
