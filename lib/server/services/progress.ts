import type { Db, Prisma } from "@/lib/server/db";

export type LogLevel = "info" | "warn" | "error";

/**
 * What a long-running service needs from whoever runs it: the run it works for, progress and log
 * lines, cancellation, and a checkpoint to resume from. The job runtime (workers/runtime) gives
 * one to each handler; services depend on this and never on the worker's own types.
 */
export interface Progress {
  /** the JobRun this work belongs to (rows it writes may be keyed by it) */
  readonly runId: string;
  readonly db: Db;
  /** the last checkpoint a previous attempt of this run wrote, or null on a first start */
  readonly saved: unknown;
  /**
   * Aborted, with the reason as its `reason`, once the run must stop (cancelled, its worker
   * stopping, taken over). Pass it to whatever may wait long within one unit of work (a request
   * to an endpoint, a backoff), so that ends at once instead of at the next check.
   */
  readonly signal: AbortSignal;
  /** fraction in [0, 1]; throttled, so it can be called per item */
  progress(fraction: number, message?: string): Promise<void>;
  log(message: string, level?: LogLevel): Promise<void>;
  /** throws once the run was cancelled, its worker is stopping or another worker took it over */
  throwIfCancelled(): Promise<void>;
  /**
   * Records where a later attempt resumes. Pass the transaction that writes the unit of work it
   * covers: both commit together, and both roll back if this worker no longer holds the run.
   */
  checkpoint(state: Prisma.InputJsonValue, tx?: Prisma.TransactionClient): Promise<void>;
}
