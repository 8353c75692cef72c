import { isDomainError } from "@/lib/domain/errors";
import type { Db, Prisma } from "@/lib/server/db";
import { describeChange, recordStage, storedStages, type StoredStage } from "./fingerprints";
import { StageFailure, type EffectiveOptions, type LoopContext, type RunJob } from "./loop-context";
import { loopFigures } from "./loop-figures";
import { withLoopLock } from "./loop-lock";
import { DEFAULT_LOOP_BUDGET, loopReportSchema, type LoopOptions, type LoopReport, type StageName, type StageResult } from "./loop-report";
import type { Stage } from "./stage";
import { reportStage } from "./stage-report";
import { buildV2Stage, evaluateBaseStage, patchStage, traceStage } from "./stages-debug";
import { benchmarkStage, extractStage } from "./stages-structure";
import { buildV1Stage, evaluateStage, gatesStage, trainStage } from "./stages-training";

/** The closed loop in order: the structure, test first, V1, its failures traced and patched, V2, the comparison. */
const STAGES: Stage[] = [
  extractStage,
  benchmarkStage,
  buildV1Stage,
  gatesStage("V1"),
  trainStage("V1"),
  evaluateStage("V1"),
  evaluateBaseStage,
  traceStage,
  patchStage,
  buildV2Stage,
  gatesStage("V2"),
  trainStage("V2"),
  evaluateStage("V2"),
  reportStage,
];

export type LoopFailure = { stage: StageName; code: string; message: string; runId?: string; gate?: "reachability" | "orthogonality" };
export type LoopOutcome = { loopRunId: string; status: "done" | "waiting" | "failed"; report: LoopReport; failure?: LoopFailure };

/**
 * What the engine, trainer, endpoint and budget are when not given: those of the loop's previous
 * run, so that `proda loop` after `proda loop --budget 10` is up to date rather than rebuilding V1
 * with the default. Approving patches is decided run by run.
 */
async function effectiveOptions(db: Db, given: LoopOptions): Promise<EffectiveOptions> {
  const last = await db.loopRun.findFirst({ orderBy: { startedAt: "desc" }, select: { options: true } });
  const before = (last?.options ?? {}) as Partial<EffectiveOptions>;
  return {
    engine: given.engine ?? before.engine ?? "local",
    trainer: given.trainer ?? before.trainer ?? "local",
    endpoint: given.endpoint ?? before.endpoint ?? null,
    budget: given.budget ?? before.budget ?? DEFAULT_LOOP_BUDGET,
    autoApprove: given.autoApprove ?? false,
  };
}

/** Runs one stage if it is not up to date, and says what it did and why. */
async function runStage(ctx: LoopContext, stage: Stage, stored: StoredStage | undefined): Promise<StageResult> {
  const plan = await stage.plan(ctx);
  if (plan.kind === "nothing") return { stage: stage.name, status: "up to date", reason: plan.reason };
  if (plan.kind === "wait") return { stage: stage.name, status: "waiting for review", reason: plan.reason };
  if (plan.kind === "run") return { stage: stage.name, status: "ran", reason: (await stage.run(ctx)).reason };
  let why = "it never ran in this workspace";
  if (stored) {
    const change = describeChange(stored.fingerprint, plan.fingerprint);
    if (!change) {
      const upToDate = await stage.restore(ctx, stored);
      if (upToDate) return { stage: stage.name, status: "up to date", reason: upToDate };
      why = "what it made last time is gone";
    } else why = `its inputs changed: ${change}`;
  }
  const ran = await stage.run(ctx);
  await recordStage(ctx.db, stage.name, { fingerprint: plan.fingerprint, output: ran.output, loopRunId: ctx.loopRunId, jobRunId: ran.jobRunId });
  return { stage: stage.name, status: "ran", reason: `${ran.reason} (${why})` };
}

function failureOf(stage: StageName, e: unknown): LoopFailure {
  if (e instanceof StageFailure) return { stage, code: e.code, message: e.message, runId: e.runId, gate: e.gate };
  if (isDomainError(e)) return { stage, code: e.code, message: `${stage}: ${e.message}` };
  return { stage, code: "INTERNAL", message: `${stage}: ${e instanceof Error ? e.message : String(e)}` };
}

/**
 * `proda loop`: every stage that is not up to date, in order, each through the same job or service
 * as its own command. It stops at a failure (a failed gate says which) and when patches wait for
 * annotators; the run, each stage's result and the figures are recorded as a LoopRun.
 */
export async function runLoop(db: Db, runJob: RunJob, given: LoopOptions): Promise<LoopOutcome> {
  return withLoopLock(async () => {
    const options = await effectiveOptions(db, given);
    const loopRun = await db.loopRun.create({ data: { options } });
    const ctx: LoopContext = { db, runJob, loopRunId: loopRun.id, options, made: { sets: {}, checks: {}, models: {}, evaluations: {} } };
    const stored = await storedStages(db);
    const stages: StageResult[] = [];
    let stop: { status: "waiting" | "failed"; why: string; failure?: LoopFailure } | null = null;
    for (const stage of STAGES) {
      if (stop) {
        stages.push({ stage: stage.name, status: "not run", reason: stop.why });
        continue;
      }
      try {
        const result = await runStage(ctx, stage, stored.get(stage.name));
        stages.push(result);
        if (result.status === "waiting for review") stop = { status: "waiting", why: "the loop waits for the patch review" };
      } catch (e) {
        const failure = failureOf(stage.name, e);
        stages.push({ stage: stage.name, status: "failed", reason: failure.message });
        stop = { status: "failed", why: `${stage.name} failed`, failure };
      }
    }
    const report = loopReportSchema.parse({ ...(await loopFigures(db, ctx.made)), stages });
    const status = stop?.status ?? "done";
    await db.loopRun.update({
      where: { id: loopRun.id },
      data: { status, stages: stages as Prisma.InputJsonValue, report: report as Prisma.InputJsonValue, error: stop?.failure?.message ?? null, finishedAt: new Date() },
    });
    return { loopRunId: loopRun.id, status, report, failure: stop?.failure };
  });
}
