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
  | "ITEM_CHECK_FAILED";

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
