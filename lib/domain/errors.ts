/**
 * One error hierarchy for the whole product. Engines throw these; the HTTP layer maps
 * `status` to the response and the CLI prints `code` and `message`.
 */
export type ErrorCode =
  | "BAD_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "TOO_LARGE"
  | "UNSUPPORTED_FORMAT"
  | "CORRUPT_FILE"
  | "INVALID_MANIFEST"
  | "JOB_CANCELLED"
  | "REACHABILITY_VIOLATION"
  | "ORTHOGONALITY_VIOLATION"
  /** a benchmark item would break one of the Tester's checks (a distractor that is the answer in other words) */
  | "ITEM_CHECK_FAILED"
  /** an external endpoint (LLM, trainer) refused the request for good: a rejected key, no access, a request it cannot serve */
  | "ENDPOINT_REFUSED"
  /** a build would make an empty version (no approved chain to test, every candidate refused) */
  | "NOTHING_TO_BUILD"
  /** a remote job (a fine-tune) ended failed or cancelled at its provider: its message says why */
  | "REMOTE_JOB_FAILED";

const STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNSUPPORTED_FORMAT: 400,
  CORRUPT_FILE: 400,
  INVALID_MANIFEST: 400,
  JOB_CANCELLED: 409,
  REACHABILITY_VIOLATION: 422,
  ORTHOGONALITY_VIOLATION: 422,
  ITEM_CHECK_FAILED: 422,
  // Not 401/403: the studio's user is signed in; the endpoint behind it refused.
  ENDPOINT_REFUSED: 502,
  NOTHING_TO_BUILD: 422,
  REMOTE_JOB_FAILED: 502,
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/*
 * Failure classes. The job runtime (workers/runtime/failure.ts) decides in one place what a
 * failure means for a run: a DomainError (EndpointRefusedError included) fails it at once, since a
 * retry cannot fix bad input or a broken rule; a RetryableError (and any error it does not know)
 * goes back to the queue's retry with backoff; a RateLimitedError parks the run for its delay
 * without spending an attempt.
 */

/** An endpoint refused the request for good (HTTP 401, 403, 400, 404...). The message never holds a secret. */
export class EndpointRefusedError extends DomainError {
  readonly httpStatus?: number;
  constructor(message: string, httpStatus?: number) {
    super("ENDPOINT_REFUSED", message, httpStatus === undefined ? undefined : { httpStatus });
    this.name = "EndpointRefusedError";
    this.httpStatus = httpStatus;
  }
}

/** A failure that a later attempt may not meet: a timeout, a lost connection, an HTTP 5xx. */
export class RetryableError extends Error {
  readonly httpStatus?: number;
  constructor(message: string, httpStatus?: number) {
    super(message);
    this.name = "RetryableError";
    this.httpStatus = httpStatus;
  }
}

/** The endpoint asked us to slow down: try again in `retryAfterMs`, which is not a failed attempt. */
export class RateLimitedError extends Error {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number) {
    super(message);
    this.name = "RateLimitedError";
    this.retryAfterMs = retryAfterMs;
  }
}
