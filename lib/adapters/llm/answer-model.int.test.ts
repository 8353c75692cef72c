import { afterEach, describe, expect, it } from "vitest";
import { EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import { mcPrompt, promptRecord } from "@/lib/domain/evaluation";
import { startOpenAiServer } from "@/test/openai-server";
import { createAnswerModel } from "./answer-model";

const question = { stem: "Light energy is converted into something that is located in which of the following?", options: ["fructose", "sunlight", "glucose", "chemical energy"] };
let server: Awaited<ReturnType<typeof startOpenAiServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});
const modelFor = (s: NonNullable<typeof server>, extra: Partial<Parameters<typeof createAnswerModel>[0]> = {}) =>
  createAnswerModel({ name: "eval", baseURL: s.baseURL, apiKey: "sk-answer-secret", model: "m1", ...extra });

describe("answer model against a scripted OpenAI-compatible server", () => {
  it("asks with the multiple-choice prompt at temperature 0, with logprobs, and reads a letter reply", async () => {
    server = await startOpenAiServer(() => ({ content: "The answer is **C**." }));
    const answer = await modelFor(server).answer(question);
    expect(answer).toMatchObject({ choice: 2, parsedBy: "letter", raw: "The answer is **C**.", promptTokens: 10, completionTokens: 5 });
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    const { body, headers } = server.requests[0];
    const prompt = mcPrompt(question);
    expect(body.messages).toEqual([
      { role: "system", content: prompt.system },
      { role: "user", content: prompt.user },
    ]);
    expect(answer.prompt).toBe(promptRecord(prompt));
    expect(body).toMatchObject({ model: "m1", temperature: 0, logprobs: true, top_logprobs: 5 });
    expect(body.max_tokens).toBeLessThanOrEqual(16);
    expect(body.messages[1].content).not.toMatch(/INVREL|TRUNC|NEARMISS|ANSWER/);
    expect(headers.authorization).toBe("Bearer sk-answer-secret");
  });

  it("decides by the first token's logprobs when the reply is a letter, adding up each letter's spellings", async () => {
    const top = [
      { token: "A", logprob: Math.log(0.4) },
      { token: " B", logprob: Math.log(0.35) },
      { token: "B", logprob: Math.log(0.2) },
    ];
    server = await startOpenAiServer(() => ({ content: "A", logprobs: [{ token: "A", logprob: Math.log(0.4), top_logprobs: top }] }));
    expect(await modelFor(server).answer(question)).toMatchObject({ choice: 1, parsedBy: "logprobs", raw: "A" });
  });

  it("reads the text when the reply starts with a word, whatever its first token's alternatives", async () => {
    server = await startOpenAiServer(() => ({
      content: "The answer is C",
      logprobs: [{ token: "The", logprob: -0.1, top_logprobs: [{ token: "The", logprob: -0.1 }, { token: "B", logprob: -2.5 }] }],
    }));
    expect(await modelFor(server).answer(question)).toMatchObject({ choice: 2, parsedBy: "letter" });
  });

  it("asks without logprobs once the server refuses them with a 400, and remembers it", async () => {
    server = await startOpenAiServer((body) => (body.logprobs !== undefined ? { status: 400, error: "logprobs is not supported by this model" } : { content: "D" }));
    const model = modelFor(server);
    expect(await model.answer(question)).toMatchObject({ choice: 3, parsedBy: "letter" });
    expect(await model.answer(question)).toMatchObject({ choice: 3, parsedBy: "letter" });
    expect(server.requests.map((r) => r.body.logprobs ?? null)).toEqual([true, null, null]);
    expect(server.requests[2].body.top_logprobs).toBeUndefined();
  });

  it("still fails on a 400 that has nothing to do with logprobs, scrubbed of the key, and keeps asking for them", async () => {
    server = await startOpenAiServer(() => ({ status: 400, error: "bad request for key sk-answer-secret" }));
    const model = modelFor(server);
    const err = await model.answer(question).catch((e) => e);
    expect(err).toBeInstanceOf(EndpointRefusedError);
    expect(err).toMatchObject({ httpStatus: 400, message: expect.stringMatching(/endpoint "eval" \(m1\) refused the request \(HTTP 400\)/) });
    expect(err.message).not.toContain("sk-answer-secret");
    await model.answer(question).catch(() => null);
    expect(server.requests.map((r) => r.body.logprobs ?? null)).toEqual([true, null, true, null]);
  });

  it("keeps an unreadable reply as an answer with no choice, not an error", async () => {
    server = await startOpenAiServer(() => ({ content: "I think it's either A or C" }));
    expect(await modelFor(server).answer(question)).toMatchObject({ choice: null, parsedBy: null, raw: "I think it's either A or C" });
  });

  it("waits as Retry-After says on 429 and answers once", async () => {
    server = await startOpenAiServer((_b, n) => (n === 1 ? { status: 429, headers: { "retry-after": "1" } } : { content: "C" }));
    expect(await modelFor(server).answer(question)).toMatchObject({ choice: 2 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(900);
  });

  it("does not spend its attempts for failures on 429s", async () => {
    // Three 429s, then a 500 that takes the one retry left for failures, then the answer.
    server = await startOpenAiServer((_b, n) => (n <= 3 ? { status: 429, headers: { "retry-after-ms": "30" } } : n === 4 ? { status: 500 } : { content: "B" }));
    expect(await modelFor(server, { maxRetries: 1 }).answer(question)).toMatchObject({ choice: 1, parsedBy: "letter" });
    expect(server.requests).toHaveLength(5);
  });

  it("parks the job on a Retry-After longer than it waits in-process, or on 429s past their own budget", async () => {
    server = await startOpenAiServer(() => ({ status: 429, headers: { "retry-after": "120" } }));
    const long = await modelFor(server).answer(question).catch((e) => e);
    expect(long).toBeInstanceOf(RateLimitedError);
    expect(long).toMatchObject({ retryAfterMs: 120_000 });
    expect(server.requests).toHaveLength(1);
    await server.close();
    server = await startOpenAiServer(() => ({ status: 429, headers: { "retry-after-ms": "20" } }));
    const spent = await modelFor(server, { maxRateLimitRetries: 2 }).answer(question).catch((e) => e);
    expect(spent).toMatchObject({ name: "RateLimitedError", retryAfterMs: 20 });
    expect(server.requests).toHaveLength(3);
  });

  it("retries a 500, then gives up after maxRetries with a RetryableError", async () => {
    server = await startOpenAiServer((_b, n) => (n === 1 ? { status: 500 } : { content: "A" }));
    expect(await modelFor(server).answer(question)).toMatchObject({ choice: 0 });
    expect(server.requests).toHaveLength(2);
    await server.close();
    server = await startOpenAiServer(() => ({ status: 503 }));
    const err = await modelFor(server, { maxRetries: 1 }).answer(question).catch((e) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ httpStatus: 503, message: expect.stringMatching(/failed after 2 attempts: HTTP 503/) });
    expect(server.requests).toHaveLength(2);
  });

  it("times out a hanging request and retries it", async () => {
    server = await startOpenAiServer(() => ({ hang: true }));
    const err = await modelFor(server, { timeoutMs: 300, maxRetries: 1 }).answer(question).catch((e) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(server.requests).toHaveLength(2);
  });

  it("never has more requests in flight than its concurrency", async () => {
    server = await startOpenAiServer(() => ({ content: "B", delayMs: 80 }));
    const model = modelFor(server, { concurrency: 2 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => model.answer(question)));
    expect(answers.map((a) => a.choice)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(server.maxInFlight()).toBe(2);
  });

  it("ends a request in flight and a retry wait when aborted, throwing the abort's reason", async () => {
    server = await startOpenAiServer((_b, n) => (n === 1 ? { hang: true } : { status: 503, headers: { "retry-after": "120" } }));
    const model = modelFor(server);
    const cancel = new Error("cancelled by a user");
    const inFlight = new AbortController();
    const hanging = model.answer(question, { signal: inFlight.signal }).catch((e) => e);
    await expect.poll(() => server!.requests.length).toBe(1);
    inFlight.abort(cancel);
    expect(await hanging).toBe(cancel);

    const job = new AbortController();
    const waiting = createAnswerModel({ name: "eval", baseURL: server.baseURL, model: "m1", signal: job.signal }).answer(question).catch((e) => e);
    await expect.poll(() => server!.requests.length).toBe(2);
    const started = Date.now();
    job.abort(cancel);
    expect(await waiting).toBe(cancel);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(2);
  });
});
