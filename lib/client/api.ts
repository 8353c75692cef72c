/**
 * The one way the browser talks to /api: JSON in, JSON out, and every non-2xx answer turned
 * into an ApiError carrying the server's `{ error: { code, message, details } }`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A readable message for any thrown value, for showing next to the control that failed. */
export const errorMessage = (e: unknown): string =>
  e instanceof Error ? e.message : typeof e === "string" ? e : "Something went wrong";

type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?a=1&b=2`, leaving out empty values so the server applies its defaults. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } };

async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  const err = body?.error;
  if (err && typeof err.message === "string") {
    return new ApiError(res.status, typeof err.code === "string" ? err.code : "ERROR", err.message, err.details);
  }
  // Proxies and crashed servers answer with HTML or nothing; keep the status meaningful.
  return new ApiError(res.status, "HTTP_ERROR", `The server answered ${res.status} ${res.statusText}`.trim());
}

export type FetchJsonInit = Omit<RequestInit, "body"> & {
  query?: Record<string, QueryValue>;
  /** A plain object is sent as JSON; FormData is sent as multipart (the browser sets the boundary). */
  body?: BodyInit | Record<string, unknown> | null;
};

// Endpoints that answer 401 as part of their job (a wrong password), not because a session ended.
const PUBLIC_API = ["/api/session", "/api/setup", "/api/invitations/accept"];

/** The server's per-field problems (`details.fields`), keyed by field name, for showing beside inputs. */
export function fieldErrors(e: unknown): Record<string, string> {
  const fields = isApiError(e) ? (e.details as { fields?: { field: string; message: string }[] } | undefined)?.fields : undefined;
  return Object.fromEntries((fields ?? []).map((f) => [f.field, f.message]));
}

export async function fetchJson<T>(path: string, init: FetchJsonInit = {}): Promise<T> {
  const { query, body, headers, ...rest } = init;
  const isRawBody =
    body == null || typeof body === "string" || body instanceof FormData || body instanceof Blob || body instanceof URLSearchParams;
  const h = new Headers(headers);
  h.set("Accept", "application/json");
  if (!isRawBody) h.set("Content-Type", "application/json");

  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      ...rest,
      headers: h,
      body: isRawBody ? (body as BodyInit | null | undefined) : JSON.stringify(body),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", "Cannot reach the ProDa server. Is it running?");
  }
  if (res.status === 401 && !PUBLIC_API.some((p) => path.startsWith(p)) && typeof window !== "undefined") {
    // The session ended (signed out elsewhere, expired, or the account was deactivated).
    window.location.assign("/sign-in");
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
