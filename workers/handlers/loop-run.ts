import type { ErrorCode } from "@/lib/domain/errors";
import { DomainError } from "@/lib/domain/errors";
import type { CreatedBy } from "@/lib/jobs/created-by";
import type { LoopRunPayload } from "@/lib/jobs/loop-run";
import { LIVE_STATUSES } from "@/lib/jobs/run-lease";
import type { Db } from "@/lib/server/db";
import type { RunJob } from "@/lib/server/services/loop/loop-context";
import { LOOP_STAGES } from "@/lib/server/services/loop/loop-report";
import { runLoop } from "@/lib/server/services/loop/run-loop";
import { cancelFineTunesOfRuns } from "@/lib/server/services/models/train-model";
import { STAGE_INFO } from "@/lib/server/services/loop/stage-info";
import type { JobContext, JobHandler } from "@/workers/runtime/job-context";
import { parsePayload } from "@/lib/jobs/enqueue";
import { runInline } from "@/workers/runtime/run-inline";

// Codes a stage's failure keeps as the loop run's error; anything else is a job of the loop that failed.
const KEPT: ErrorCode[] = ["BAD_INPUT", "NOT_FOUND", "CONFLICT", "REACHABILITY_VIOLATION", "ORTHOGONALITY_VIOLATION", "NOTHING_TO_BUILD", "ENDPOINT_REFUSED", "ITEM_CHECK_FAILED"];

type Orphan = { id: string; type: string; payload: unknown };

/**
 * What a previous delivery of this loop run left behind when its worker stopped: the stage run it
 * was in (waiting for this run: sweep.ts, execute-run.ts), which the loop resumes when it comes to
 * that stage again with the same payload, and its LoopRun. The stages it finished are recorded, so
 * the loop resumes after them.
 */
async function orphansOf(db: Db, runId: string): Promise<Orphan[]> {
  await db.loopRun.updateMany({ where: { jobRunId: runId, status: "running" }, data: { status: "failed", error: "its worker stopped; the loop run resumed", finishedAt: new Date() } });
  return db.jobRun.findMany({ where: { parentRunId: runId, status: { in: [...LIVE_STATUSES] } }, select: { id: true, type: true, payload: true } });
}

/**
 * Ends stage runs the loop does not resume (it went another way): they would hold their conflict
 * keys, and a fine-tune's job at the provider would train on, paid for, with nobody to poll it.
 */
async function releaseOrphans(db: Db, orphans: Orphan[]) {
  if (!orphans.length) return;
  const error = "Its loop run's worker stopped, and the loop did not resume this stage when it went on";
  await db.jobRun.updateMany({
    where: { id: { in: orphans.map((o) => o.id) }, status: { in: [...LIVE_STATUSES] } },
    data: { status: "FAILED", workerId: null, leaseExpiresAt: null, waitUntil: null, finishedAt: new Date(), message: "Failed", error },
  });
  await cancelFineTunesOfRuns(db, orphans.map((o) => o.id));
}

/** JSON with its keys sorted: a payload read back from Postgres (jsonb orders keys its own way) compared with a new one. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(",")}]` : v && typeof v === "object" ? `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}` : JSON.stringify(v);

/**
 * The stage jobs run here, with their own handlers, as children of this run; their progress is
 * this run's share of the stage. A stage run left by this run's previous delivery is resumed when
 * the same job with the same payload comes up; one of another kind is released when another kind comes up.
 */
function childRunner(ctx: JobContext, by: CreatedBy, current: () => { index: number; title: string }, orphans: Orphan[]): RunJob {
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
    const options = { by, parentRunId: ctx.runId, signal: ctx.signal };
    const wanted = canonical(parsePayload(def, payload));
    const i = orphans.findIndex((o) => o.type === def.name && canonical(o.payload) === wanted);
    const orphan = i >= 0 ? orphans.splice(i, 1)[0] : null;
    // Another kind of job comes first: the loop went another way. One of this kind with another
    // payload may be the next call of the same stage (its second base model to evaluate): kept.
    const elsewhere = orphans.filter((o) => o.type !== def.name);
    orphans.splice(0, orphans.length, ...orphans.filter((o) => o.type === def.name));
    await releaseOrphans(ctx.db, elsewhere);
    if (orphan) {
      await ctx.log(`Resuming its stage run ${orphan.id} (${def.name}) from its last checkpoint`);
      const resumed = await runInline(ctx.db, def, reporting, payload, { ...options, resume: orphan.id });
      if (resumed.outcome !== "skipped") return resumed;
      await releaseOrphans(ctx.db, [orphan]); // another worker holds it after all: start the stage afresh
    }
    return runInline(ctx.db, def, reporting, payload, options);
  };
}

export const loopRunHandler: JobHandler<LoopRunPayload> = async (ctx, payload) => {
  const db = ctx.db;
  const orphans = await orphansOf(db, ctx.runId);
  const self = await db.jobRun.findUniqueOrThrow({ where: { id: ctx.runId }, select: { origin: true, createdById: true, createdByTokenId: true } });
  const by: CreatedBy = { origin: self.origin ?? "SYSTEM", createdById: self.createdById ?? undefined, createdByTokenId: self.createdByTokenId ?? undefined };
  let current = { index: 0, title: STAGE_INFO[LOOP_STAGES[0]].title };
  const { label: _label, requestedBy: _by, ...options } = payload;
  const outcome = await runLoop(db, childRunner(ctx, by, () => current, orphans), options, {
    jobRunId: ctx.runId,
    async beforeStage(stage, index) {
      await ctx.throwIfCancelled();
      current = { index, title: STAGE_INFO[stage].title };
      await ctx.progress(index / LOOP_STAGES.length, `Stage ${index + 1} of ${LOOP_STAGES.length}: ${current.title}`);
    },
  });
  // A cancel (or a takeover) that stopped a stage ends the run as such, not as a failed loop. A
  // worker shutting down leaves the stage run it was in for the next delivery to resume.
  if (ctx.signal.aborted) throw ctx.signal.reason;
  await ctx.throwIfCancelled();
  await releaseOrphans(db, orphans.splice(0)); // the loop ended before the stage it was in
  const { failure } = outcome;
  if (failure) throw new DomainError(KEPT.includes(failure.code as ErrorCode) ? (failure.code as ErrorCode) : "REMOTE_JOB_FAILED", failure.message, { loopRunId: outcome.loopRunId, runId: failure.runId });
  if (outcome.status === "waiting") await ctx.log(outcome.report.stages.find((s) => s.status === "waiting for review")?.reason ?? "The loop waits for the patch review");
  return { loopRunId: outcome.loopRunId, status: outcome.status, stages: outcome.report.stages };
};
