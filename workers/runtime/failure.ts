import { z } from "zod";
import { isDomainError, RateLimitedError, RetryableError } from "@/lib/domain/errors";

/** Another worker holds the run now (this one's lease expired): nothing more may be written to it. */
export class LeaseLostError extends Error {
  constructor(runId: string, workerId: string) {
    super(`Worker ${workerId} no longer holds run ${runId}: another worker took it over`);
    this.name = "LeaseLostError";
  }
}

/** This worker is stopping (SIGTERM): the run goes back to the queue at once, without spending an attempt. */
export class WorkerShutdownError extends Error {
  constructor() {
    super("The worker is shutting down; the job resumes from its last checkpoint on the next worker");
    this.name = "WorkerShutdownError";
  }
}

export type Failure =
  | { kind: "cancelled" }
  | { kind: "lost" }
  | { kind: "shutdown" }
  /** fails the run at once: bad input, a domain rule, an endpoint's 401/403, invalid data */
  | { kind: "fatal"; reason: string }
  /** parks the run for `delayMs`, not counted as an attempt */
  | { kind: "rate-limited"; reason: string; delayMs: number }
  /** back to the queue's retry with backoff while attempts remain */
  | { kind: "retryable"; reason: string };

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The one place that decides what an error means for a run. */
export function classifyFailure(e: unknown): Failure {
  if (e instanceof LeaseLostError) return { kind: "lost" };
  if (e instanceof WorkerShutdownError) return { kind: "shutdown" };
  if (isDomainError(e) && e.code === "JOB_CANCELLED") return { kind: "cancelled" };
  if (e instanceof RateLimitedError) return { kind: "rate-limited", reason: e.message, delayMs: e.retryAfterMs };
  if (e instanceof RetryableError) return { kind: "retryable", reason: e.message };
  if (isDomainError(e)) return { kind: "fatal", reason: e.message };
  if (e instanceof z.ZodError) {
    return { kind: "fatal", reason: `Invalid data: ${e.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}` };
  }
  // Unknown errors are infrastructure until shown otherwise (a lost connection, a deadlock).
  return { kind: "retryable", reason: reasonOf(e) };
}
