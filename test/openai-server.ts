import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export type ChatBody = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { json_schema?: { name: string; schema: unknown } };
  temperature?: number;
  max_tokens?: number;
  logprobs?: boolean;
  top_logprobs?: number;
};
/** One token of the reply with its log probability and the most probable tokens at its position. */
export type ScriptedToken = { token: string; logprob: number; top_logprobs?: { token: string; logprob: number }[] };
export type Scripted = {
  status?: number;
  headers?: Record<string, string>;
  content?: string;
  /** returned as choices[0].logprobs.content (omitted: no logprobs in the answer) */
  logprobs?: ScriptedToken[];
  /** the error message of a non-200 answer */
  error?: string;
  delayMs?: number;
  hang?: boolean;
};
type Script = (body: ChatBody, n: number) => Scripted;

const logprobsOf = (s: Scripted) =>
  s.logprobs ? { logprobs: { content: s.logprobs.map((t) => ({ token: t.token, logprob: t.logprob, bytes: null, top_logprobs: t.top_logprobs ?? [] })) } } : {};

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: POST /v1/chat/completions
 * answers what `script` says for the n-th request; requests, headers and concurrency are recorded.
 */
export async function startOpenAiServer(script: Script) {
  const requests: { body: ChatBody; headers: http.IncomingHttpHeaders; at: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      let body: ChatBody;
      try {
        body = JSON.parse(raw || "{}") as ChatBody;
      } catch {
        res.writeHead(400, { "content-type": "application/json" });
        return res.end(JSON.stringify({ error: { message: "the body is not JSON", type: "invalid_request_error" } }));
      }
      requests.push({ body, headers: req.headers, at: Date.now() });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const s = script(body, requests.length);
      if (s.hang) return; // never answers: the client's timeout must fire
      await new Promise((r) => setTimeout(r, s.delayMs ?? 0));
      inFlight--;
      const status = s.status ?? 200;
      res.writeHead(status, { "content-type": "application/json", ...(s.headers ?? {}) });
      res.end(
        JSON.stringify(
          status === 200
            ? { id: "chatcmpl-test", object: "chat.completion", created: 0, model: body.model, choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: s.content ?? "{}" }, ...logprobsOf(s) }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }
            : { error: { message: s.error ?? `scripted ${status}`, type: "test" } },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    maxInFlight: () => maxInFlight,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/**
 * A scripted server as the environment's endpoint (`env`: PRODA_LLM_BASE_URL and PRODA_LLM_MODEL)
 * for a whole test file, for this process and the CLI processes it starts; closed after the file.
 */
export function useEnvEndpoint(script: Script, model = "scripted-model") {
  let server: Awaited<ReturnType<typeof startOpenAiServer>> | undefined;
  beforeAll(async () => {
    server = await startOpenAiServer(script);
    process.env.PRODA_LLM_BASE_URL = server.baseURL;
    process.env.PRODA_LLM_MODEL = model;
  });
  afterAll(async () => {
    delete process.env.PRODA_LLM_BASE_URL;
    delete process.env.PRODA_LLM_MODEL;
    await server?.close();
  });
  return { server: () => server! };
}
