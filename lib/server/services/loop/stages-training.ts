import { STUDENT_LABEL } from "@/lib/domain/student";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob } from "@/lib/jobs/model-train";
import { orthogonalityCheckJob } from "@/lib/jobs/orthogonality-check";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import type { Db } from "@/lib/server/db";
import { approveTrainingSet } from "@/lib/server/services/builder/approve-training-set";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import type { GateReport } from "@/lib/server/services/builder/check-orthogonality";
import { checkStructure } from "@/lib/server/services/knowledge/check-structure";
import type { EvaluationReport } from "@/lib/server/services/models/evaluate-model";
import type { TrainReport } from "@/lib/server/services/models/train-model";
import { runStageJob, setLabel, StageFailure, type LoopContext, type Role } from "./loop-context";
import { plural, type Stage } from "./stage";

/** The name of the loop's V1 training set; V2 is its next version (V1 + patches). */
export const V1_SET_NAME = "v1-data";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const stageOf = (role: Role) => (role === "V1" ? "v1" : "v2");
const nothing = (what: string, role: Role) => ({ kind: "nothing" as const, reason: `nothing to ${what}: there is no ${role} training set` });

function benchmarkOf(ctx: LoopContext) {
  if (!ctx.made.benchmark) throw new StageFailure("there is no frozen benchmark to test against", "NOT_FOUND");
  return ctx.made.benchmark;
}

/** build-v1: up to date while its set exists and neither the benchmark (so the knowledge) nor the budget changed. */
export const buildV1Stage: Stage = {
  name: "build-v1",
  async plan(ctx) {
    return { kind: "versions", fingerprint: { benchmark: `v${benchmarkOf(ctx).version}`, budget: ctx.options.budget } };
  },
  async restore(ctx, stored) {
    const set = stored.output ? await ctx.db.trainingSet.findUnique({ where: { id: stored.output }, select: { id: true, name: true, version: true, status: true, instanceCount: true } }) : null;
    if (!set || set.status === "BUILDING") return null;
    ctx.made.sets.V1 = set;
    return `${setLabel(set)} (${plural(set.instanceCount, "instance")}) was built from L1/L2 after benchmark ${stored.fingerprint.benchmark}`;
  },
  async run(ctx) {
    const b = benchmarkOf(ctx);
    const job = await runStageJob(ctx, "build-v1", trainingSetBuildJob, { name: V1_SET_NAME, budget: ctx.options.budget, testedOnly: true, note: `proda loop: V1 after benchmark v${b.version}` });
    const report = job.result as TrainingSetBuildReport;
    ctx.made.sets.V1 = { id: report.trainingSetId, name: report.name, version: report.version };
    return { output: report.trainingSetId, jobRunId: job.runId, reason: `built ${setLabel(report)} from L1/L2 only: ${plural(report.instances, "instance")} (at most ${ctx.options.budget} per discipline)` };
  },
};

/**
 * gates-v1, gates-v2: the reachability gate and the orthogonality gate of the set against every
 * benchmark (what `proda check` runs), then the lead's approval. Up to date while the set and the
 * benchmarks are the same and the set is still approved.
 */
export function gatesStage(role: Role): Stage {
  return {
    name: `gates-${stageOf(role)}`,
    async plan(ctx) {
      const set = ctx.made.sets[role];
      if (!set) return nothing("check", role);
      const benchmarks = await ctx.db.benchmark.findMany({ select: { version: true }, orderBy: { version: "asc" } });
      return { kind: "versions", fingerprint: { trainingSet: setLabel(set), benchmarks: benchmarks.map((b) => `v${b.version}`).join(",") } };
    },
    async restore(ctx, stored) {
      const set = ctx.made.sets[role]!;
      const [check, row] = await Promise.all([
        stored.output ? ctx.db.orthogonalityCheck.findUnique({ where: { id: stored.output }, select: { passed: true } }) : null,
        ctx.db.trainingSet.findUnique({ where: { id: set.id }, select: { status: true } }),
      ]);
      if (!check?.passed || row?.status !== "APPROVED") return null;
      ctx.made.checks[role] = stored.output!;
      return `${setLabel(set)} passed the gates against ${stored.fingerprint.benchmarks} and is approved`;
    },
    async run(ctx) {
      const set = ctx.made.sets[role]!;
      const name = `gates-${stageOf(role)}` as const;
      const structure = await checkStructure(ctx.db);
      if (!structure.ok) {
        const first = structure.violations[0]?.message ?? "";
        throw new StageFailure(`${name}: the reachability gate failed: ${plural(structure.violations.length, "violation")} (${first}); \`proda check\` lists them`, "REACHABILITY_VIOLATION", undefined, "reachability");
      }
      const job = await runStageJob(ctx, name, orthogonalityCheckJob, { trainingSetId: set.id, label: `${set.name} v${set.version}` });
      const gate = job.result as GateReport;
      ctx.made.checks[role] = gate.checkId;
      if (!gate.passed) {
        throw new StageFailure(`${name}: the orthogonality gate failed: ${plural(gate.violations, "pair")} of ${setLabel(set)} instances and benchmark items overlap; \`proda check\` lists them`, "ORTHOGONALITY_VIOLATION", job.runId, "orthogonality");
      }
      // The loop acts for the lead, as the CLI does: the same approval, refused unless test first and the gate hold.
      await approveTrainingSet(ctx.db, null, set.id);
      return { output: gate.checkId, jobRunId: job.runId, reason: `${setLabel(set)} passed the reachability gate and the orthogonality gate (${plural(gate.checked, "instance")} against ${plural(gate.items, "item")}, no overlap); approved for training` };
    },
  };
}

/** The loop's models are V1 and V2; once those names are taken (a retrained V1), V1-2, V1-3, ... */
async function freeModelName(db: Db, role: Role) {
  const taken = new Set((await db.modelVersion.findMany({ where: { name: { startsWith: role } }, select: { name: true } })).map((m) => m.name));
  if (!taken.has(role)) return role;
  let n = 2;
  while (taken.has(`${role}-${n}`)) n++;
  return `${role}-${n}`;
}

/** train-v1, train-v2: up to date while the model trained on this very set by this trainer exists. */
export function trainStage(role: Role): Stage {
  const remote = (ctx: LoopContext) => ctx.options.trainer !== "local";
  return {
    name: `train-${stageOf(role)}`,
    async plan(ctx) {
      const set = ctx.made.sets[role];
      if (!set) return nothing("train", role);
      return { kind: "versions", fingerprint: { trainingSet: setLabel(set), trainer: ctx.options.trainer, endpoint: remote(ctx) ? ctx.options.endpoint : null } };
    },
    async restore(ctx, stored) {
      const model = stored.output ? await ctx.db.modelVersion.findUnique({ where: { id: stored.output }, select: { id: true, name: true } }) : null;
      if (!model) return null;
      ctx.made.models[role] = model;
      return `${model.name} was trained on ${stored.fingerprint.trainingSet} (${stored.fingerprint.trainer} trainer)`;
    },
    async run(ctx) {
      const set = ctx.made.sets[role]!;
      const name = await freeModelName(ctx.db, role);
      const { trainer, endpoint } = ctx.options;
      const job = await runStageJob(ctx, `train-${stageOf(role)}`, modelTrainJob, { trainingSetId: set.id, trainer, name, stage: role, endpoint: remote(ctx) ? (endpoint ?? undefined) : undefined });
      const report = job.result as TrainReport;
      ctx.made.models[role] = { id: report.modelVersionId, name: report.name };
      const how = trainer === "local" ? STUDENT_LABEL : `${report.remoteModel} (${trainer})`;
      return { output: report.modelVersionId, jobRunId: job.runId, reason: `trained ${report.name} on ${setLabel(set)}: ${how}` };
    },
  };
}

/** evaluate-v1, evaluate-v2: up to date while the model's finished evaluation on the benchmark exists. */
export function evaluateStage(role: Role): Stage {
  return {
    name: `evaluate-${stageOf(role)}`,
    async plan(ctx) {
      const model = ctx.made.models[role];
      if (!model) return { kind: "nothing", reason: `nothing to evaluate: there is no ${role} model` };
      return { kind: "versions", fingerprint: { model: model.name, benchmark: `v${benchmarkOf(ctx).version}` } };
    },
    async restore(ctx, stored) {
      const run = stored.output ? await ctx.db.evaluationRun.findUnique({ where: { id: stored.output }, select: { id: true, finishedAt: true, correct: true, total: true } }) : null;
      if (!run?.finishedAt) return null;
      ctx.made.evaluations[role] = run.id;
      return `${stored.fingerprint.model} was evaluated on benchmark ${stored.fingerprint.benchmark}: ${run.correct} of ${run.total} right`;
    },
    async run(ctx) {
      const model = ctx.made.models[role]!;
      const b = benchmarkOf(ctx);
      const job = await runStageJob(ctx, `evaluate-${stageOf(role)}`, modelEvaluateJob, { modelVersionId: model.id, benchmarkId: b.id });
      const report = job.result as EvaluationReport;
      ctx.made.evaluations[role] = report.evaluationRunId;
      return { output: report.evaluationRunId, jobRunId: job.runId, reason: `${model.name} answered ${report.correct} of ${report.total} items of benchmark v${b.version} right (${pct(report.accuracy)})` };
    },
  };
}
