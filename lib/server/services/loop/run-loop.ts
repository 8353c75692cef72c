import { isDomainError } from "@/lib/domain/errors";
import type { Db, Prisma } from "@/lib/server/db";
import { decideStage } from "./decide-stage";
import { recordStage, storedStages, type StoredStage } from "./fingerprints";
import { StageFailure, type EffectiveOptions, type LoopContext, type RunJob } from "./loop-context";
import { loopFigures } from "./loop-figures";
import { withLoopLock } from "./loop-lock";
import { DEFAULT_LOOP_BUDGET, loopReportSchema, type LoopOptions, type LoopReport, type StageName, type StageResult } from "./loop-report";
import type { Stage } from "./stage";
import { STAGES } from "./stages";

export type LoopFailure = { stage: StageName; code: string; message: string; runId?: string; gate?: "reachability" | "orthogonality" };
export type LoopOutcome = { loopRunId: string; status: "done" | "waiting" | "failed"; report: LoopReport; failure?: LoopFailure };

/** How a `loop-run` job follows the loop: it reports progress per stage and stops it when cancelled. */
export type LoopHooks = {
  /** the job the loop runs in (LoopRun.jobRunId); absent in the CLI */
  jobRunId?: string;
  /** called before each stage; a throw stops the loop there (a cancelled job) */
  beforeStage?(stage: StageName, index: number): Promise<void>;
};

/**
 * What the engine, trainer, endpoint and budget are when not given: those of the loop's previous
 * run, so that `proda loop` after `proda loop --budget 10` is up to date rather than rebuilding V1
 * with the default. Approving patches is decided run by run.
 */
export async function effectiveOptions(db: Db, given: LoopOptions): Promise<EffectiveOptions> {
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

/** Runs one stage if it is not up to date (or it is the stage the loop runs from), and says what it did and why. */
async function runStage(ctx: LoopContext, stage: Stage, stored: StoredStage | undefined, forced: boolean): Promise<StageResult> {
  const decision = await decideStage(ctx, stage, stored, forced);
  if (decision.status !== "to run") return { stage: stage.name, ...decision };
  const ran = await stage.run(ctx);
  if (!decision.fingerprint) return { stage: stage.name, status: "ran", reason: ran.reason };
  await recordStage(ctx.db, stage.name, { fingerprint: decision.fingerprint, output: ran.output, loopRunId: ctx.loopRunId, jobRunId: ran.jobRunId });
  return { stage: stage.name, status: "ran", reason: `${ran.reason} (${decision.why})` };
}

function failureOf(stage: StageName, e: unknown): LoopFailure {
  if (e instanceof StageFailure) return { stage, code: e.code, message: e.message, runId: e.runId, gate: e.gate };
  if (isDomainError(e)) return { stage, code: e.code, message: `${stage}: ${e.message}` };
  return { stage, code: "INTERNAL", message: `${stage}: ${e instanceof Error ? e.message : String(e)}` };
}

/**
 * `proda loop` and the `loop-run` job: every stage that is not up to date, in order, each through
 * the same job or service as its own command. It stops at a failure (a failed gate says which) and
 * when patches wait for annotators; the run, each stage's result (as it goes) and the figures are
 * recorded as a LoopRun.
 */
export async function runLoop(db: Db, runJob: RunJob, given: LoopOptions, hooks: LoopHooks = {}): Promise<LoopOutcome> {
  return withLoopLock(async () => {
    const options = await effectiveOptions(db, given);
    const recorded = given.from ? { ...options, from: given.from } : options;
    const loopRun = await db.loopRun.create({ data: { options: recorded, jobRunId: hooks.jobRunId ?? null } });
    const ctx: LoopContext = { db, runJob, loopRunId: loopRun.id, options, made: { sets: {}, checks: {}, models: {}, evaluations: {} } };
    const stored = await storedStages(db);
    const stages: StageResult[] = [];
    let stop: { status: "waiting" | "failed"; why: string; failure?: LoopFailure } | null = null;
    for (const [index, stage] of STAGES.entries()) {
      if (!stop && hooks.beforeStage) {
        try {
          await hooks.beforeStage(stage.name, index);
        } catch (e) {
          const failure = failureOf(stage.name, e);
          stop = { status: "failed", why: `the loop was stopped before ${stage.name}: ${failure.message.replace(`${stage.name}: `, "")}`, failure };
        }
      }
      if (stop) {
        stages.push({ stage: stage.name, status: "not run", reason: stop.why });
        continue;
      }
      try {
        const result = await runStage(ctx, stage, stored.get(stage.name), stage.name === given.from);
        stages.push(result);
        if (result.status === "waiting for review") stop = { status: "waiting", why: "the loop waits for the patch review" };
      } catch (e) {
        const failure = failureOf(stage.name, e);
        stages.push({ stage: stage.name, status: "failed", reason: failure.message });
        stop = { status: "failed", why: `${stage.name} failed`, failure };
      }
      // What each stage did is visible while the loop goes on (the Pipeline page reads it).
      await db.loopRun.update({ where: { id: loopRun.id }, data: { stages: stages as Prisma.InputJsonValue } });
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
