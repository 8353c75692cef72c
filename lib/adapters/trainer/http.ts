import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import type { FineTuneStatus } from "@/lib/domain/ports";
import { isTerminal } from "@/lib/domain/training";
import { callSignal } from "../call-signal";
import { redacted, refusal } from "../endpoint-errors";
import { isRetryableStatus, retryAfterMs } from "../llm/retry";

export type TrainerSettings = {
  /** the endpoint's name in Settings, for messages and provenance */
  name: string;
  /** the API root including its version, e.g. https://api.openai.com/v1 */
  baseURL: string;
  apiKey?: string | null;
  /** per request (default 60 s) */
  timeoutMs?: number;
  /** the training file's upload, which can be hundreds of MB (default 1 h) */
  uploadTimeoutMs?: number;
  /** ends every request of this trainer (the job's cancellation): the call throws its reason */
  signal?: AbortSignal;
};

export type FormPart = { name: string; value: string } | { name: string; filename: string; contentType: string; content: () => AsyncIterable<string> };

/** What a 429 without Retry-After waits: a fine-tune lasts minutes to hours, half a minute costs nothing. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 30_000;
const TIMEOUT = Symbol("timeout");

/** The message a provider put in an error body: OpenAI's `{error: {message}}`, `{error: "..."}`, `{message}`, `{detail}`, or the text. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const m = typeof body.error === "string" ? body.error : (body.error?.message ?? body.message ?? body.detail);
    if (typeof m === "string" && m) return m;
  } catch {}
  return text.trim().slice(0, 300) || "no message";
}

/** The innermost code of a fetch failure (ECONNREFUSED, ENOTFOUND...), which says why. */
function networkReason(e: unknown): string {
  let why = e instanceof Error ? e.message : String(e);
  for (let c = (e as { cause?: unknown }).cause as { code?: string; cause?: unknown } | undefined, depth = 0; c && depth < 4; c = c.cause as typeof c, depth++) {
    if (c.code) why = c.code;
  }
  return why;
}

/**
 * A multipart/form-data body that pulls the file part from its iterable only as fast as the
 * socket takes it: the training file is never held whole in memory. It stops reading the file
 * once `signal` aborts, since fetch can go on pulling (and discarding) a body it has given up on.
 */
function multipart(parts: FormPart[], boundary: string, signal: AbortSignal, onSourceError: (e: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const safe = (s: string) => s.replace(/["\r\n]/g, "_");
  async function* pieces(): AsyncGenerator<string> {
    for (const p of parts) {
      if ("value" in p) {
        yield `--${boundary}\r\nContent-Disposition: form-data; name="${safe(p.name)}"\r\n\r\n${p.value}\r\n`;
        continue;
      }
      yield `--${boundary}\r\nContent-Disposition: form-data; name="${safe(p.name)}"; filename="${safe(p.filename)}"\r\nContent-Type: ${p.contentType}\r\n\r\n`;
      yield* p.content();
      yield "\r\n";
    }
    yield `--${boundary}--\r\n`;
  }
  const it = pieces();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (signal.aborted) {
          await it.return(undefined);
          return controller.error(signal.reason);
        }
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        onSourceError(e);
        controller.error(e);
      }
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}

/**
 * The requests of one trainer, with the failure classes of the chat adapter: a 429 is a
 * RateLimitedError with the server's Retry-After, a 5xx, timeout or lost connection a
 * RetryableError, any other 4xx an EndpointRefusedError whose message is the server's first line
 * with secrets blanked out. Nothing is retried here: the job runtime retries from its checkpoint.
 */
export function trainerHttp(cfg: TrainerSettings, where: string) {
  const root = cfg.baseURL.replace(/\/+$/, "");

  async function request(method: string, path: string, opts: { json?: unknown; form?: FormPart[]; query?: Record<string, string>; signal?: AbortSignal }): Promise<unknown> {
    const url = new URL(root + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
    const timeoutMs = opts.form ? (cfg.uploadTimeoutMs ?? 3_600_000) : (cfg.timeoutMs ?? 60_000);
    const timer = new AbortController();
    const t = setTimeout(() => timer.abort(TIMEOUT), timeoutMs);
    const { signal, release } = callSignal([cfg.signal, opts.signal, timer.signal]);
    const headers: Record<string, string> = { accept: "application/json" };
    if (cfg.apiKey) headers.authorization = `Bearer ${cfg.apiKey}`;
    let body: string | ReadableStream<Uint8Array> | undefined;
    const source: { failed: boolean; error?: unknown } = { failed: false };
    // Aborted when the exchange ends however it ends, so the body stops reading the training file.
    const finished = new AbortController();
    if (opts.form) {
      const boundary = `----proda-${randomUUID()}`;
      headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
      body = multipart(opts.form, boundary, AbortSignal.any([signal, finished.signal]), (e) => Object.assign(source, { failed: true, error: e }));
    } else if (opts.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.json);
    }
    let status: number;
    let text: string;
    let resHeaders: Headers;
    try {
      // duplex "half" is how fetch streams a request body (undici requires it for a stream).
      const res = await fetch(url, { method, headers, body, signal, duplex: "half" } as RequestInit & { duplex: "half" });
      status = res.status;
      resHeaders = res.headers;
      text = await res.text();
    } catch (e) {
      if (source.failed) throw source.error; // the training file could not be read: not the endpoint's fault
      if (signal.aborted && signal.reason !== TIMEOUT) throw signal.reason; // a cancel is what the job must act on
      if (signal.aborted) throw new RetryableError(`${where} did not answer ${method} ${path} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`);
      throw new RetryableError(`${where} could not be reached: ${redacted(networkReason(e), cfg.apiKey)}`);
    } finally {
      finished.abort();
      clearTimeout(t);
      release();
    }
    if (status < 200 || status >= 300) {
      const detail = redacted(serverMessage(text), cfg.apiKey);
      if (!isRetryableStatus(status)) throw refusal(where, status, detail);
      if (status === 429) {
        const wait = retryAfterMs(resHeaders) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
        throw new RateLimitedError(`${where} is rate limiting requests (HTTP 429): trying again in ${Math.ceil(wait / 1000)} s`, wait);
      }
      throw new RetryableError(`${where} failed ${method} ${path} (HTTP ${status}): ${detail}`, status);
    }
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      // A base URL pointing at a web page answers 200 with HTML: no retry fixes that.
      throw new EndpointRefusedError(`${where} answered ${method} ${path} with something that is not JSON: check its base URL`, status);
    }
  }

  return {
    get: (path: string, query?: Record<string, string>, signal?: AbortSignal) => request("GET", path, { query, signal }),
    post: (path: string, json?: unknown, signal?: AbortSignal) => request("POST", path, { json, signal }),
    upload: (path: string, form: FormPart[], signal?: AbortSignal) => request("POST", path, { form, signal }),
    /** An answer checked against the shape we rely on; another shape means another API at that URL. */
    read<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "answer"}: ${i.message}`).join("; ");
      throw new EndpointRefusedError(`${where} answered ${what} in an unexpected shape (${issues}): is it the right kind of endpoint?`);
    },
    /** A message from the provider, fit to show: first line, secrets blanked out. */
    scrub: (message: string) => redacted(message, cfg.apiKey),
  };
}

/**
 * Cancels a job, and counts a refusal to cancel one that has already finished (HTTP 400, 404,
 * 409 at the providers) as done: a cancel that races the job's end must not fail the run.
 */
export async function cancelUnlessFinished(cancel: () => Promise<unknown>, status: () => Promise<FineTuneStatus>): Promise<void> {
  try {
    await cancel();
  } catch (e) {
    const code = e instanceof EndpointRefusedError || e instanceof RetryableError ? e.httpStatus : undefined;
    if (code !== 400 && code !== 404 && code !== 409) throw e;
    if (!isTerminal((await status()).state)) throw e;
  }
}
