import { setMaxListeners } from "node:events";
import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { LeaseLostError, WorkerShutdownError } from "./failure";
import type { LeaseHolder } from "./lease";

/** Set on SIGTERM: running handlers stop at their next check and go back to the queue. */
export const workerShutdown = { requested: false };

/**
 * Why the run this worker holds must stop now, or null: a user cancelled it, another worker took
 * it over (the lease is marked lost), or this worker is shutting down. One read of the run's row.
 */
export async function stopReason(db: Db, runId: string, lease: LeaseHolder): Promise<Error | null> {
  if (workerShutdown.requested) return new WorkerShutdownError();
  if (lease.lost) return new LeaseLostError(runId, lease.workerId);
  const row = await db.jobRun.findUnique({ where: { id: runId }, select: { cancelRequestedAt: true, workerId: true, status: true } });
  if (!row || row.workerId !== lease.workerId || row.status !== "RUNNING") {
    lease.markLost();
    return new LeaseLostError(runId, lease.workerId);
  }
  return row.cancelRequestedAt ? new DomainError("JOB_CANCELLED", "Cancelled by a user") : null;
}

/** A cancel is seen within this while the handler waits on something else. */
export const WATCH_MS = 1000;

/**
 * Watches the run while its handler works and aborts `signal` (with the reason as the abort's
 * reason) as soon as it must stop. A handler checks for cancellation between units of work; the
 * signal also ends what happens inside one (a request to an endpoint, a backoff before a retry),
 * which may last minutes.
 */
export function watchRun(db: Db, runId: string, lease: LeaseHolder, intervalMs = WATCH_MS): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  // Every request in flight listens to it (an evaluation keeps an endpoint's concurrency busy):
  // more than Node's default ten is expected, not a leak; each call removes its listener.
  setMaxListeners(256, controller.signal);
  let stopped = false;
  let reading = false;
  const timer = setInterval(() => {
    if (reading || stopped) return;
    reading = true;
    stopReason(db, runId, lease)
      .then((reason) => {
        if (reason && !stopped) controller.abort(reason);
      })
      // The database away for a moment: read again on the next tick (the lease decides whether this worker still holds the run).
      .catch(() => {})
      .finally(() => {
        reading = false;
      });
  }, intervalMs);
  timer.unref();
  return {
    signal: controller.signal,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
