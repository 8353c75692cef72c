import OpenAI, { APIError } from "openai";
import { EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import { backoffMs, isRetryableStatus, retryAfterMs } from "./retry";
import { Semaphore } from "./semaphore";

export type EndpointSettings = {
  name: string;
  baseURL: string;
  apiKey?: string | null;
  model: string;
  concurrency?: number;
  timeoutMs?: number;
  maxRetries?: number;
  /** the longest Retry-After waited in-process (default 60 s); a longer one parks the job instead */
  maxRateLimitWaitMs?: number;
  /**
   * How many 429s are waited out in-process without spending one of `maxRetries`; past them the
   * call throws RateLimitedError (the job parks). When absent, a 429 spends an attempt like any
   * other transient failure, unless the adapter sets its own default.
   */
  maxRateLimitRetries?: number;
  /**
   * Ends every request and retry wait of this model when aborted (the job's cancellation, see
   * Progress.signal): what the call throws then is the signal's reason.
   */
  signal?: AbortSignal;
};

/** The first line of an error's message with the key and anything shaped like one blanked out. */
export function redacted(e: unknown, apiKey: string | null | undefined): string {
  let text = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  if (apiKey && apiKey.length >= 4) text = text.split(apiKey).join("[redacted]");
  return text.replace(/\b(sk|proda)[-_][\w*.-]{4,}/gi, "[redacted]");
}

/**
 * What a failed request means for the job (lib/domain/errors.ts): a refusal fails it at once;
 * a 401/403 says nothing of what the server answered, since servers echo the key they were sent.
 */
function refusal(where: string, status: number | undefined, detail: string): EndpointRefusedError {
  if (status === 401 || status === 403) {
    return new EndpointRefusedError(`${where} refused the API key (HTTP ${status}): check the endpoint's key and access in Settings`, status);
  }
  return new EndpointRefusedError(`${where} refused the request (HTTP ${status}): ${detail}`, status);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const abort = () => (clearTimeout(t), reject(signal.reason));
    const t = setTimeout(() => (signal.removeEventListener("abort", abort), resolve()), ms);
    signal.addEventListener("abort", abort, { once: true });
  });

/**
 * One call's signal, aborted with the reason of whichever of `parents` aborts first. Released
 * after the call: a job's signal lives for the whole run, and the SDK never removes the listener
 * it adds to the signal of each request.
 */
function callSignal(parents: (AbortSignal | undefined)[]): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const links = parents.filter((s): s is AbortSignal => !!s).map((parent) => {
    const abort = () => controller.abort(parent.reason);
    if (parent.aborted) abort();
    else parent.addEventListener("abort", abort, { once: true });
    return () => parent.removeEventListener("abort", abort);
  });
  return { signal: controller.signal, release: () => links.forEach((unlink) => unlink()) };
}

export type Endpoint = {
  readonly client: OpenAI;
  /** `endpoint "name" (model)`, how messages name it */
  readonly where: string;
  readonly timeoutMs: number;
  /**
   * Runs `send` under the endpoint's concurrency limit, retrying transient failures: 5xx, 408,
   * 409, timeouts and lost connections with backoff up to maxRetries (then RetryableError); 429
   * as Retry-After says (RateLimitedError when it asks for longer than maxRateLimitWaitMs);
   * other 4xx at once as EndpointRefusedError, scrubbed of the key. `send` gets the call's
   * signal, aborted by `signal` or the settings' signal, whose reason is then what is thrown.
   */
  call<T>(send: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
};

/** The OpenAI client of an endpoint and, in one place, how every call to it is limited and retried. */
export function createEndpoint(cfg: EndpointSettings, defaults: { maxRateLimitRetries?: number } = {}): Endpoint {
  const timeoutMs = cfg.timeoutMs ?? 60_000;
  // The SDK's own retries are off: they would neither honour the job's signal nor the wait limit.
  const client = new OpenAI({ baseURL: cfg.baseURL, apiKey: cfg.apiKey || "none", maxRetries: 0, timeout: timeoutMs });
  const limit = new Semaphore(cfg.concurrency ?? 4);
  const maxRetries = cfg.maxRetries ?? 4;
  const maxWait = cfg.maxRateLimitWaitMs ?? 60_000;
  const rateLimitRetries = cfg.maxRateLimitRetries ?? defaults.maxRateLimitRetries;
  const where = `endpoint "${cfg.name}" (${cfg.model})`;
  const rateLimited = (wait: number) => new RateLimitedError(`${where} is rate limiting requests (HTTP 429): trying again in ${Math.ceil(wait / 1000)} s`, wait);

  async function withRetries<T>(send: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    for (let attempt = 0, limited = 0; ; ) {
      if (signal.aborted) throw signal.reason;
      try {
        return await limit.run(() => send(signal));
      } catch (e) {
        // Aborted: the reason (a cancel) is what the job must act on, not the SDK's abort error.
        if (signal.aborted) throw signal.reason;
        const status = e instanceof APIError ? e.status : undefined;
        // Timeouts and connection errors have no status and are transient.
        if (!isRetryableStatus(status)) throw refusal(where, status, redacted(e, cfg.apiKey));
        const asked = e instanceof APIError ? retryAfterMs(e.headers) : null;
        if (status === 429 && rateLimitRetries !== undefined) {
          // Its own budget: being told to slow down is not a failed attempt.
          const wait = asked ?? backoffMs(limited);
          if (limited >= rateLimitRetries || wait > maxWait) throw rateLimited(wait);
          limited++;
          await sleep(wait, signal);
          continue;
        }
        const wait = asked ?? backoffMs(attempt);
        if (status === 429 && (attempt >= maxRetries || wait > maxWait)) throw rateLimited(wait);
        if (attempt >= maxRetries) throw new RetryableError(`${where} failed after ${attempt + 1} attempts: ${status ? `HTTP ${status}` : redacted(e, cfg.apiKey)}`, status);
        attempt++;
        await sleep(wait, signal);
      }
    }
  }

  return {
    client,
    where,
    timeoutMs,
    async call<T>(send: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      const linked = callSignal([signal, cfg.signal]);
      try {
        return await withRetries(send, linked.signal);
      } finally {
        linked.release();
      }
    },
  };
}
