import type { ErrorCode } from "@/lib/domain/errors";
import { DomainError } from "@/lib/domain/errors";
import type { CreatedBy } from "@/lib/jobs/created-by";
import type { LoopRunPayload } from "@/lib/jobs/loop-run";
import { LIVE_STATUSES } from "@/lib/jobs/run-lease";
import type { Db } from "@/lib/server/db";
import type { RunJob } from "@/lib/server/services/loop/loop-context";
import { LOOP_STAGES } from "@/lib/server/services/loop/loop-report";
import { runLoop } from "@/lib/server/services/loop/run-loop";
import { STAGE_INFO } from "@/lib/server/services/loop/stage-info";
import type { JobContext, JobHandler } from "@/workers/runtime/job-context";
import { runInline } from "@/workers/runtime/run-inline";

// Codes a stage's failure keeps as the loop run's error; anything else is a job of the loop that failed.
const KEPT: ErrorCode[] = ["BAD_INPUT", "NOT_FOUND", "CONFLICT", "REACHABILITY_VIOLATION", "ORTHOGONALITY_VIOLATION", "NOTHING_TO_BUILD", "ENDPOINT_REFUSED", "ITEM_CHECK_FAILED"];

/**
 * What a previous delivery of this loop run left behind when its worker died: its stage run (no
 * worker holds it now, and its conflict key would refuse the stage's new run) and its LoopRun.
 * The stages it finished are recorded, so the loop resumes after them.
 */
async function releaseOrphans(db: Db, runId: string) {
  const error = "Its loop run's worker stopped: the loop ran this stage again when it resumed";
  await db.jobRun.updateMany({
    where: { parentRunId: runId, status: { in: [...LIVE_STATUSES] } },
    data: { status: "FAILED", workerId: null, leaseExpiresAt: null, waitUntil: null, finishedAt: new Date(), message: "Failed", error },
  });
  await db.loopRun.updateMany({ where: { jobRunId: runId, status: "running" }, data: { status: "failed", error: "its worker stopped; the loop run resumed", finishedAt: new Date() } });
}

/** The stage jobs run here, with their own handlers, as children of this run; their progress is this run's share of the stage. */
function childRunner(ctx: JobContext, by: CreatedBy, current: () => { index: number; title: string }): RunJob {
  // Imported here: the handlers' index imports this handler.
  return async (def, payload) => {
    const { jobHandlers } = await import("@/workers/handlers");
    const handler = jobHandlers[def.name] as JobHandler<typeof payload>;
    const reporting: JobHandler<typeof payload> = (child, p) =>
      handler(
        {
          ...child,
          async progress(fraction, message) {
            await child.progress(fraction, message);
            const { index, title } = current();
            await ctx.progress((index + Math.max(0, Math.min(1, fraction))) / LOOP_STAGES.length, `${title}${message ? `: ${message}` : ""}`);
          },
        },
        p,
      );
    return runInline(ctx.db, def, reporting, payload, { by, parentRunId: ctx.runId, signal: ctx.signal });
  };
}

export const loopRunHandler: JobHandler<LoopRunPayload> = async (ctx, payload) => {
  const db = ctx.db;
  await releaseOrphans(db, ctx.runId);
  const self = await db.jobRun.findUniqueOrThrow({ where: { id: ctx.runId }, select: { origin: true, createdById: true, createdByTokenId: true } });
  const by: CreatedBy = { origin: self.origin ?? "SYSTEM", createdById: self.createdById ?? undefined, createdByTokenId: self.createdByTokenId ?? undefined };
  let current = { index: 0, title: STAGE_INFO[LOOP_STAGES[0]].title };
  const { label: _label, requestedBy: _by, ...options } = payload;
  const outcome = await runLoop(db, childRunner(ctx, by, () => current), options, {
    jobRunId: ctx.runId,
    async beforeStage(stage, index) {
      await ctx.throwIfCancelled();
      current = { index, title: STAGE_INFO[stage].title };
      await ctx.progress(index / LOOP_STAGES.length, `Stage ${index + 1} of ${LOOP_STAGES.length}: ${current.title}`);
    },
  });
  // A cancel (or a takeover) that stopped a stage ends the run as such, not as a failed loop.
  if (ctx.signal.aborted) throw ctx.signal.reason;
  await ctx.throwIfCancelled();
  const { failure } = outcome;
  if (failure) throw new DomainError(KEPT.includes(failure.code as ErrorCode) ? (failure.code as ErrorCode) : "REMOTE_JOB_FAILED", failure.message, { loopRunId: outcome.loopRunId, runId: failure.runId });
  if (outcome.status === "waiting") await ctx.log(outcome.report.stages.find((s) => s.status === "waiting for review")?.reason ?? "The loop waits for the patch review");
  return { loopRunId: outcome.loopRunId, status: outcome.status, stages: outcome.report.stages };
};
