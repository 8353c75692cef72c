import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import { startOpenAiServer } from "@/test/openai-server";
import { createChatModel, ModelAnswerError, testConnection } from "./openai-compatible";
import { backoffMs, retryAfterMs } from "./retry";

const schema = z.object({ answer: z.string(), n: z.number() });
const ask = { schemaName: "answer", schema, system: "You answer.", user: "Answer." };
let server: Awaited<ReturnType<typeof startOpenAiServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("retry helpers", () => {
  it("backs off exponentially with jitter, capped, and reads Retry-After in all its forms", () => {
    expect(backoffMs(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 30_000, () => 0)).toBe(2000);
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000);
    const h = (o: Record<string, string>) => new Headers(o);
    expect(retryAfterMs(h({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(h({ "retry-after-ms": "150" }))).toBe(150);
    expect(retryAfterMs(h({ "retry-after": new Date(10_000).toUTCString() }), 7_000)).toBe(3000);
    expect(retryAfterMs(h({}))).toBeNull();
  });
});

describe("OpenAI-compatible chat model against a scripted server", () => {
  it("sends the JSON schema, validates the answer and counts tokens", async () => {
    server = await startOpenAiServer(() => ({ content: '{"answer":"yes","n":1}' }));
    const model = createChatModel({ name: "test", baseURL: server.baseURL, apiKey: "sk-secret-key", model: "m1" });
    expect(await model.complete(ask)).toEqual({ answer: "yes", n: 1 });
    const req = server.requests[0];
    expect(req.body.response_format?.json_schema?.name).toBe("answer");
    expect(req.body.response_format?.json_schema?.schema).toMatchObject({ type: "object", properties: { answer: { type: "string" } } });
    expect(req.headers.authorization).toBe("Bearer sk-secret-key");
    expect(model.usage()).toEqual({ promptTokens: 10, completionTokens: 5, calls: 1 });
  });

  it("repairs malformed JSON with a second turn naming the problem", async () => {
    server = await startOpenAiServer((_b, n) => ({ content: n === 1 ? '{"answer": "yes", ' : '```json\n{"answer":"fixed","n":2}\n```' }));
    const model = createChatModel({ name: "test", baseURL: server.baseURL, model: "m1" });
    expect(await model.complete(ask)).toEqual({ answer: "fixed", n: 2 });
    const repair = server.requests[1].body.messages.at(-1)!.content;
    expect(repair).toMatch(/not valid JSON/);
    expect(model.usage().calls).toBe(2);
  });

  it("rejects an answer still invalid after the repairs, saying why", async () => {
    server = await startOpenAiServer(() => ({ content: '{"answer": 3}' }));
    const model = createChatModel({ name: "test", baseURL: server.baseURL, model: "m1" });
    const err = await model.complete({ ...ask, maxRepairs: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(ModelAnswerError);
    expect(err.message).toMatch(/answer: .*string/);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].body.messages.at(-1)!.content).toMatch(/answer:/);
  });

  it("waits as Retry-After says on 429, and retries a 500", async () => {
    server = await startOpenAiServer((_b, n) => (n === 1 ? { status: 429, headers: { "retry-after": "1" } } : n === 2 ? { status: 500 } : { content: '{"answer":"ok","n":3}' }));
    const model = createChatModel({ name: "test", baseURL: server.baseURL, model: "m1" });
    expect(await model.complete(ask)).toEqual({ answer: "ok", n: 3 });
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(900);
  });

  it("times out a hanging request, retries it, then fails with a clear error", async () => {
    server = await startOpenAiServer(() => ({ hang: true }));
    const model = createChatModel({ name: "slow", baseURL: server.baseURL, model: "m1", timeoutMs: 300, maxRetries: 1 });
    const err = await model.complete(ask).catch((e) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.message).toMatch(/endpoint "slow" \(m1\) failed after 2 attempts/);
    expect(server.requests).toHaveLength(2);
  });

  it("fails at once on 401 without ever printing the key", async () => {
    server = await startOpenAiServer(() => ({ status: 401 }));
    const model = createChatModel({ name: "test", baseURL: server.baseURL, apiKey: "sk-do-not-print", model: "m1" });
    const err = await model.complete(ask).catch((e) => e);
    expect(err).toBeInstanceOf(EndpointRefusedError);
    expect(err).toMatchObject({ code: "ENDPOINT_REFUSED", httpStatus: 401, message: expect.stringContaining("HTTP 401") });
    expect(err.message).not.toContain("sk-do-not-print");
    expect(server.requests).toHaveLength(1);
    expect(await testConnection({ name: "test", baseURL: server.baseURL, apiKey: "sk-do-not-print", model: "m1" })).toMatchObject({ ok: false, error: expect.not.stringContaining("sk-do-not") });
  });

  it("says an unreachable endpoint could not be reached, never \"HTTP undefined\"", async () => {
    const closed = await startOpenAiServer(() => ({ status: 200 }));
    const baseURL = closed.baseURL;
    await closed.close();
    const r = await testConnection({ name: "test", baseURL, apiKey: "sk-x", model: "m1" });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^Could not reach 127\.0\.0\.1:\d+: ECONNREFUSED/) });
    expect(JSON.stringify(r)).not.toContain("undefined");
  });

  it("fails at once on 403 and on a request the endpoint cannot serve (404), blanking a key it echoes", async () => {
    server = await startOpenAiServer(() => ({ status: 403 }));
    const forbidden = await createChatModel({ name: "test", baseURL: server.baseURL, apiKey: "sk-do-not-print", model: "m1" }).complete(ask).catch((e) => e);
    expect(forbidden).toMatchObject({ name: "EndpointRefusedError", httpStatus: 403 });
    expect(server.requests).toHaveLength(1);
    // A server that quotes the key back in its error message.
    const echo = http.createServer((req, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `The model m1 does not exist or ${req.headers.authorization} has no access to it (also sk-proj-abcdef123)` } }));
    });
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    try {
      const baseURL = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
      const err = await createChatModel({ name: "echo", baseURL, apiKey: "my-secret-key-123", model: "m1" }).complete(ask).catch((e) => e);
      expect(err).toBeInstanceOf(EndpointRefusedError);
      expect(err.message).toMatch(/HTTP 404.*does not exist/);
      expect(err.message).not.toContain("my-secret-key-123");
      expect(err.message).not.toContain("abcdef123");
    } finally {
      await new Promise<void>((r) => echo.close(() => r()));
    }
  });

  it("hands a Retry-After longer than it waits in-process (or a 429 past its retries) to the job as a rate limit", async () => {
    server = await startOpenAiServer(() => ({ status: 429, headers: { "retry-after": "120" } }));
    const long = await createChatModel({ name: "busy", baseURL: server.baseURL, model: "m1" }).complete(ask).catch((e) => e);
    expect(long).toBeInstanceOf(RateLimitedError);
    expect(long).toMatchObject({ retryAfterMs: 120_000, message: expect.stringMatching(/endpoint "busy" .*HTTP 429.*120 s/) });
    expect(server.requests).toHaveLength(1);
    await server.close();
    server = await startOpenAiServer(() => ({ status: 429, headers: { "retry-after-ms": "50" } }));
    const spent = await createChatModel({ name: "busy", baseURL: server.baseURL, model: "m1", maxRetries: 2 }).complete(ask).catch((e) => e);
    expect(spent).toMatchObject({ name: "RateLimitedError", retryAfterMs: 50 });
    expect(server.requests).toHaveLength(3);
  });

  it("ends a retry wait and a request in flight as soon as its signal aborts, throwing the abort's reason", async () => {
    server = await startOpenAiServer((_b, n) => (n === 1 ? { status: 503, headers: { "retry-after": "120" } } : { hang: true }));
    const job = new AbortController();
    const model = createChatModel({ name: "slow", baseURL: server.baseURL, model: "m1", signal: job.signal });
    const waiting = model.complete(ask).catch((e) => e);
    await expect.poll(() => server!.requests.length).toBe(1);
    const cancel = new Error("cancelled by a user");
    const started = Date.now();
    job.abort(cancel);
    expect(await waiting).toBe(cancel);
    expect(Date.now() - started).toBeLessThan(1000);

    // A request already sent is aborted too; and a model whose job was cancelled sends nothing more.
    const inFlight = new AbortController();
    const hanging = createChatModel({ name: "slow", baseURL: server.baseURL, model: "m1", signal: inFlight.signal }).complete(ask).catch((e) => e);
    await expect.poll(() => server!.requests.length).toBe(2);
    inFlight.abort(cancel);
    expect(await hanging).toBe(cancel);
    expect(await model.complete(ask).catch((e) => e)).toBe(cancel);
    expect(server.requests).toHaveLength(2);
  });

  it("never has more requests in flight than its concurrency", async () => {
    server = await startOpenAiServer(() => ({ content: '{"answer":"a","n":0}', delayMs: 80 }));
    const model = createChatModel({ name: "test", baseURL: server.baseURL, model: "m1", concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => model.complete(ask)));
    expect(server.maxInFlight()).toBe(2);
    expect(model.usage()).toEqual({ promptTokens: 60, completionTokens: 30, calls: 6 });
  });

  it("shares its concurrency between the runs of one process that call the same endpoint", async () => {
    server = await startOpenAiServer(() => ({ content: '{"answer":"a","n":0}', delayMs: 80 }));
    // Two runs (two evaluations on one worker) each make their own model of the endpoint.
    const runs = [1, 2].map(() => createChatModel({ name: "shared", baseURL: server!.baseURL, model: "m1", concurrency: 3 }));
    await Promise.all(runs.flatMap((model) => Array.from({ length: 6 }, () => model.complete(ask))));
    expect(server.maxInFlight()).toBe(3);
  });
});
