import { Prisma, type Db } from "@/lib/server/db";
import { endCancelledIfUnheld } from "@/lib/jobs/run-lease";
import { scrubKnownSecrets } from "@/lib/server/secrets";
import { classifyFailure } from "./failure";
import { createJobContext, JobWait, type JobHandler } from "./job-context";
import { claimRun, holdLease, leaseConfig, processWorkerId, type LeaseConfig } from "./lease";
import { watchRun } from "./run-watch";
import { parkRun, settleRun, type HeldRun, type Requeue } from "./settle-run";

/** The queue's view of this delivery; `bossJobId` is absent when the CLI runs the job in-process. */
export type Delivery = { retryCount: number; retryLimit: number; bossJobId?: string };
export type RunOutcome = "succeeded" | "failed" | "cancelled" | "skipped" | "waiting" | "released" | "lost";
export type RunReport = { outcome: RunOutcome; result?: unknown; until?: Date };
export type ExecuteOptions = {
  workerId?: string;
  lease?: Pick<LeaseConfig, "leaseMs" | "heartbeatMs">;
  /** sends the run's next queue job (waits, rate limits, shutdown); absent in the CLI */
  requeue?: Requeue;
  /** a loop run's stage: stopped with its worker, it waits (WAITING) for its loop run to resume it from its checkpoint */
  stage?: boolean;
};

/**
 * Runs one delivery of a job: claim the run with a lease, call the handler while a heartbeat
 * renews the lease, then record what came of it (see failure.ts for what each error means).
 * Only a retryable error with attempts left is rethrown, for pg-boss's retry with backoff.
 */
export async function executeRun<P>(
  db: Db,
  handler: JobHandler<P>,
  runId: string,
  payload: P,
  delivery: Delivery,
  opts: ExecuteOptions = {},
): Promise<RunReport> {
  const workerId = opts.workerId ?? processWorkerId;
  const cfg = opts.lease ?? leaseConfig();
  if (!(await claimRun(db, runId, workerId, cfg.leaseMs, delivery.bossJobId))) {
    // A run cancelled while it sat in the queue ends here, with nobody else to notice.
    await endCancelledIfUnheld(db, runId);
    return { outcome: "skipped" };
  }
  const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId }, select: { attempts: true, checkpoint: true } });
  const lease = holdLease(db, runId, workerId, cfg);
  const watch = watchRun(db, runId, lease);
  const ctx = createJobContext(db, runId, run, lease, watch.signal);
  const held: HeldRun = { db, runId, workerId };
  let result: unknown;
  try {
    // Each delivery names its worker: with workers on several machines, the log says which one ran what.
    if (run.attempts > 1) await ctx.log(`Attempt ${run.attempts}: resuming from the last checkpoint on worker ${workerId}`);
    else if (run.checkpoint !== null) await ctx.log(`Resuming from the last checkpoint on worker ${workerId}`);
    else await ctx.log(`Started on worker ${workerId}`);
    result = await handler(ctx, payload);
  } catch (e) {
    watch.stop();
    lease.stop();
    // What an aborted request or wait throws says less than why it was aborted (a cancel, a takeover).
    return settleFailure(held, watch.signal.aborted ? watch.signal.reason : e, run.attempts, delivery, opts);
  }
  watch.stop();
  lease.stop();
  if (result instanceof JobWait) {
    const parked = await parkRun(held, { status: "WAITING", until: result.until, message: result.message, checkpoint: result.checkpoint }, opts.requeue);
    return parked === "parked" ? { outcome: "waiting", until: result.until } : parked === "cancelled" ? { outcome: "cancelled" } : lost(held);
  }
  const done = await settleRun(held, {
    status: "SUCCEEDED",
    progress: 1,
    message: "Done",
    finishedAt: new Date(),
    result: result === undefined ? Prisma.JsonNull : (result as Prisma.InputJsonValue),
    checkpoint: Prisma.DbNull,
  });
  return done ? { outcome: "succeeded", result } : lost(held);
}

async function cancelRequested(h: HeldRun): Promise<boolean> {
  const row = await h.db.jobRun.findUnique({ where: { id: h.runId }, select: { cancelRequestedAt: true } });
  return !!row?.cancelRequestedAt;
}

function lost(h: HeldRun): RunReport {
  console.warn(`[worker] ${h.workerId} lost run ${h.runId} to another worker; it wrote nothing more`);
  return { outcome: "lost" };
}

async function settleFailure(h: HeldRun, e: unknown, attempts: number, delivery: Delivery, { requeue, stage }: ExecuteOptions): Promise<RunReport> {
  let failure = classifyFailure(e);
  const log = (message: string, level: "info" | "warn" | "error") => h.db.jobLog.create({ data: { runId: h.runId, message, level } });
  if (failure.kind === "lost") return lost(h);
  // A run a user asked to stop ends cancelled whatever its handler threw meanwhile: never "will retry" after a cancel.
  if (failure.kind !== "cancelled" && failure.kind !== "shutdown" && (await cancelRequested(h))) failure = { kind: "cancelled" };
  if (failure.kind === "cancelled") {
    if (!(await settleRun(h, { status: "CANCELLED", message: "Cancelled", finishedAt: new Date() }))) return lost(h);
    await log("Cancelled by a user", "warn");
    return { outcome: "cancelled" };
  }
  if (failure.kind === "rate-limited") {
    const until = new Date(Date.now() + failure.delayMs);
    const parked = await parkRun(h, { status: "WAITING", until, message: `Rate limited: waiting ${Math.ceil(failure.delayMs / 1000)} s` }, requeue);
    if (parked !== "parked") return parked === "cancelled" ? { outcome: "cancelled" } : lost(h);
    await log(`${await scrubKnownSecrets(failure.reason, h.db)}; waiting until ${until.toISOString()} (not counted as an attempt)`, "warn");
    return { outcome: "waiting", until };
  }
  if (failure.kind === "shutdown" && stage) {
    // Not queued on its own: its loop run, queued again, resumes it (a remote fine-tune is polled, not started again).
    const parked = await parkRun(h, { status: "WAITING", until: new Date(), message: "Its worker stopped: waits for its loop run to resume it" });
    if (parked !== "parked") return parked === "cancelled" ? { outcome: "cancelled" } : lost(h);
    await log("The worker is shutting down: its loop run resumes this stage from the last checkpoint", "warn");
    return { outcome: "released" };
  }
  if (failure.kind === "shutdown" && requeue) {
    const parked = await parkRun(h, { status: "QUEUED", until: new Date(), message: "Queued again: its worker stopped" }, requeue);
    if (parked !== "parked") return parked === "cancelled" ? { outcome: "cancelled" } : lost(h);
    await log("The worker is shutting down: queued again, to resume from the last checkpoint", "warn");
    return { outcome: "released" };
  }
  // An error's text may quote an endpoint's answer, which may echo its key.
  const reason = await scrubKnownSecrets(failure.kind === "fatal" || failure.kind === "retryable" ? failure.reason : (e as Error).message, h.db);
  const retrying = failure.kind !== "fatal" && attempts <= delivery.retryLimit && delivery.retryCount < delivery.retryLimit;
  if (retrying) {
    if (!(await settleRun(h, { status: "QUEUED", message: `Retrying after: ${reason}` }))) return lost(h);
    await log(`Attempt ${attempts} failed, will retry: ${reason}`, "error");
    throw e; // pg-boss retries this same job with backoff
  }
  if (!(await settleRun(h, { status: "FAILED", error: reason, message: failure.kind === "fatal" ? "Failed" : `Failed after ${attempts} attempt${attempts === 1 ? "" : "s"}`, finishedAt: new Date() }))) return lost(h);
  await log(`Failed: ${reason}`, "error");
  return { outcome: "failed" };
}
