import type { Db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDomainError } from "@/lib/domain/errors";
import { createJobContext, type JobHandler } from "./job-context";

export type Delivery = { retryCount: number; retryLimit: number };
export type RunOutcome = "succeeded" | "failed" | "cancelled" | "skipped";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs one delivery of a job: claim the run, call the handler, record the outcome.
 * Errors that a retry cannot fix (domain errors: bad input, corrupt data) fail at once;
 * anything else is rethrown so pg-boss retries it with backoff while attempts remain.
 */
export async function executeRun<P>(
  db: Db,
  handler: JobHandler<P>,
  runId: string,
  payload: P,
  delivery: Delivery,
): Promise<{ outcome: RunOutcome; result?: unknown }> {
  // Claim: QUEUED -> RUNNING. A run left RUNNING by a killed worker is claimed again by
  // the queue's retry; a finished or cancelled run is a duplicate delivery and is skipped.
  const claimed = await db.jobRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] }, cancelRequestedAt: null },
    data: { status: "RUNNING", attempts: { increment: 1 }, message: "Running", error: null },
  });
  if (claimed.count === 0) {
    await db.jobRun.updateMany({
      where: { id: runId, cancelRequestedAt: { not: null }, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "CANCELLED", finishedAt: new Date(), message: "Cancelled" },
    });
    return { outcome: "skipped" };
  }
  const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
  if (!run.startedAt) await db.jobRun.update({ where: { id: runId }, data: { startedAt: new Date() } });
  const ctx = createJobContext(db, runId, run.attempts, run.result);
  if (run.attempts > 1) await ctx.log(`Attempt ${run.attempts}: resuming from the last checkpoint`);

  try {
    const result = await handler(ctx, payload);
    await db.jobRun.update({
      where: { id: runId },
      data: {
        status: "SUCCEEDED",
        progress: 1,
        message: "Done",
        finishedAt: new Date(),
        result: result === undefined ? Prisma.JsonNull : (result as Prisma.InputJsonValue),
      },
    });
    return { outcome: "succeeded", result };
  } catch (e) {
    if (isDomainError(e) && e.code === "JOB_CANCELLED") {
      await db.jobRun.update({ where: { id: runId }, data: { status: "CANCELLED", message: "Cancelled", finishedAt: new Date() } });
      await ctx.log("Cancelled by a user", "warn");
      return { outcome: "cancelled" };
    }
    const retrying = !isDomainError(e) && delivery.retryCount < delivery.retryLimit;
    await ctx.log(`${retrying ? "Attempt failed, will retry" : "Failed"}: ${message(e)}`, "error");
    await db.jobRun.update({
      where: { id: runId },
      data: retrying
        ? { status: "QUEUED", message: `Retrying after: ${message(e)}` }
        : { status: "FAILED", error: message(e), message: "Failed", finishedAt: new Date() },
    });
    if (isDomainError(e)) return { outcome: "failed" };
    throw e;
  }
}
