import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";

export type LogLevel = "info" | "warn" | "error";

/** What a handler gets: progress, logs, cancellation, and the checkpoint to resume from. */
export type JobContext = {
  runId: string;
  db: Db;
  attempt: number;
  /** JobRun.result as the previous attempt left it (handlers checkpoint into it). */
  saved: unknown;
  progress(fraction: number, message?: string): Promise<void>;
  log(message: string, level?: LogLevel): Promise<void>;
  /** Throws JOB_CANCELLED once a user asked to cancel; call it between units of work. */
  throwIfCancelled(): Promise<void>;
};

export type JobHandler<P> = (ctx: JobContext, payload: P) => Promise<unknown>;

const PROGRESS_INTERVAL_MS = 250;

/** Set on SIGTERM: running handlers stop at their next check and the queue retries them elsewhere. */
export const workerShutdown = { requested: false };

export function createJobContext(db: Db, runId: string, attempt: number, saved: unknown): JobContext {
  let lastWrite = 0;
  let lastCheck = 0;
  return {
    runId,
    db,
    attempt,
    saved,
    async progress(fraction, message) {
      const now = Date.now();
      // Throttled: a handler may report per item on 100K items.
      if (now - lastWrite < PROGRESS_INTERVAL_MS && fraction < 1) return;
      lastWrite = now;
      const progress = Math.max(0, Math.min(1, fraction));
      await db.jobRun.update({ where: { id: runId }, data: { progress, ...(message ? { message } : {}) } });
    },
    async log(message, level = "info") {
      await db.jobLog.create({ data: { runId, message, level } });
    },
    async throwIfCancelled() {
      if (workerShutdown.requested) throw new Error("The worker is shutting down; the job resumes from its last checkpoint on the next worker");
      const now = Date.now();
      if (now - lastCheck < PROGRESS_INTERVAL_MS) return;
      lastCheck = now;
      const run = await db.jobRun.findUnique({ where: { id: runId }, select: { cancelRequestedAt: true } });
      if (run?.cancelRequestedAt) throw new DomainError("JOB_CANCELLED", "Cancelled by a user");
    },
  };
}
