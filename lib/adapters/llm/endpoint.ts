import OpenAI, { APIError } from "openai";
import { RateLimitedError, RetryableError } from "@/lib/domain/errors";
import { callSignal } from "../call-signal";
import { redacted, refusal } from "../endpoint-errors";
import { backoffMs, isRetryableStatus, retryAfterMs } from "./retry";
import { createHttpFetch } from "./http-fetch";
import { endpointLimit } from "./semaphore";

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

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const abort = () => (clearTimeout(t), reject(signal.reason));
    const t = setTimeout(() => (signal.removeEventListener("abort", abort), resolve()), ms);
    signal.addEventListener("abort", abort, { once: true });
  });

export { redacted };

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
  // Its requests go over node:http rather than the global fetch, which costs more per request (./http-fetch.ts).
  const client = new OpenAI({ baseURL: cfg.baseURL, apiKey: cfg.apiKey || "none", maxRetries: 0, timeout: timeoutMs, fetch: createHttpFetch() });
  const limit = endpointLimit(cfg.name, cfg.baseURL, cfg.concurrency ?? 4);
  const maxRetries = cfg.maxRetries ?? 4;
  const maxWait = cfg.maxRateLimitWaitMs ?? 60_000;
  const rateLimitRetries = cfg.maxRateLimitRetries ?? defaults.maxRateLimitRetries;
  const where = `endpoint "${cfg.name}" (${cfg.model})`;
  const rateLimited = (wait: number) => new RateLimitedError(`${where} is rate limiting requests (HTTP 429): trying again in ${Math.ceil(wait / 1000)} s`, wait);

  async function withRetries<T>(send: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    for (let attempt = 0, limited = 0; ; ) {
      if (signal.aborted) throw signal.reason;
      try {
        return await limit.run(() => send(signal), signal);
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
