/** Exponential backoff with full jitter: base·2^attempt, capped, times a random factor in [0.5, 1]. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * How long the server asked us to wait: `retry-after-ms`, or `Retry-After` in seconds or as an
 * HTTP date. Null when absent or unreadable; never negative; capped at ten minutes.
 */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.get("retry-after-ms") && Number.isFinite(ms)) return clamp(ms);
  const value = headers.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return clamp(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : clamp(date - now);
}

const clamp = (ms: number) => Math.max(0, Math.min(ms, 600_000));

/** Should this HTTP status be retried? 408, 409, 429 and 5xx are transient; other 4xx are not. */
export const isRetryableStatus = (status: number | undefined) => status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
