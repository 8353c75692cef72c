import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { z } from "zod";
import type { ChatModel, ChatRequest, TokenUsage } from "@/lib/domain/ports";
import { createEndpoint, redacted, type EndpointSettings } from "./endpoint";

export type { EndpointSettings } from "./endpoint";

/** The model kept answering with JSON that does not fit the schema, even after repair turns. */
export class ModelAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelAnswerError";
  }
}

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/** JSON from a model answer, tolerating a ```json fence around it. */
function parseJson(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
  return JSON.parse((fenced ? fenced[1] : content).trim());
}

/**
 * A ChatModel over any OpenAI-compatible endpoint: structured output by JSON schema, zod
 * validation with bounded repair turns, and in one place the concurrency limit, per-request
 * timeout, retries on 429/5xx/network errors (honouring Retry-After) and token accounting.
 * What it throws once its own retries are spent carries the failure class the job runtime
 * acts on: EndpointRefusedError (fatal), RateLimitedError (wait), RetryableError (retry later).
 */
export function createChatModel(cfg: EndpointSettings): ChatModel {
  const endpoint = createEndpoint(cfg);
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0, calls: 0 };
  const where = endpoint.where;

  function call(messages: Message[], req: ChatRequest<unknown>): Promise<string> {
    return endpoint.call(async (signal) => {
      const res = await endpoint.client.chat.completions.create(
        {
          model: cfg.model,
          messages,
          temperature: req.temperature ?? 0,
          response_format: { type: "json_schema", json_schema: { name: req.schemaName, schema: z.toJSONSchema(req.schema) as Record<string, unknown>, strict: false } },
        },
        { signal, timeout: endpoint.timeoutMs },
      );
      usage.calls++;
      usage.promptTokens += res.usage?.prompt_tokens ?? 0;
      usage.completionTokens += res.usage?.completion_tokens ?? 0;
      return res.choices[0]?.message?.content ?? "";
    }, req.signal);
  }

  return {
    endpoint: cfg.name,
    model: cfg.model,
    usage: () => ({ ...usage }),
    async complete<T>(req: ChatRequest<T>): Promise<T> {
      const messages: Message[] = [
        { role: "system", content: `${req.system}\nAnswer with one JSON object only.` },
        { role: "user", content: req.user },
      ];
      const repairs = req.maxRepairs ?? 2;
      let problem = "";
      for (let turn = 0; turn <= repairs; turn++) {
        const content = await call(messages, req as ChatRequest<unknown>);
        let json: unknown;
        try {
          json = parseJson(content);
        } catch (e) {
          problem = `the answer is not valid JSON (${(e as Error).message})`;
          messages.push({ role: "assistant", content }, { role: "user", content: `Your answer was not usable: ${problem}. Answer again with corrected JSON only.` });
          continue;
        }
        const parsed = req.schema.safeParse(json);
        if (parsed.success) return parsed.data;
        problem = parsed.error.issues.map((i) => `${i.path.join(".") || "answer"}: ${i.message}`).join("; ");
        messages.push({ role: "assistant", content }, { role: "user", content: `Your answer was not usable: ${problem}. Answer again with corrected JSON only.` });
      }
      throw new ModelAnswerError(`${where} answered ${req.schemaName} with invalid JSON after ${repairs} repairs: ${problem}`);
    },
  };
}

/** One tiny completion: does the endpoint answer, and how fast? For Settings' "test connection". */
function unreachable(baseURL: string, e: APIConnectionError): string {
  // fetch wraps the socket's error ("fetch failed" → ECONNREFUSED, ENOTFOUND, ...): the innermost code says why.
  let why = e instanceof APIConnectionTimeoutError ? "no answer before the timeout" : e.message;
  for (let c = e.cause as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; c && depth < 4; c = c.cause as typeof c, depth++) {
    if (c.code) why = c.code;
  }
  let host = baseURL;
  try {
    host = new URL(baseURL).host;
  } catch {}
  return `Could not reach ${host}: ${why}`;
}

export async function testConnection(cfg: EndpointSettings): Promise<{ ok: true; model: string; latencyMs: number } | { ok: false; error: string }> {
  const client = new OpenAI({ baseURL: cfg.baseURL, apiKey: cfg.apiKey || "none", maxRetries: 0, timeout: Math.min(cfg.timeoutMs ?? 15_000, 15_000) });
  const started = Date.now();
  try {
    const res = await client.chat.completions.create({ model: cfg.model, messages: [{ role: "user", content: "ping" }], max_tokens: 1 });
    return { ok: true, model: res.model || cfg.model, latencyMs: Date.now() - started };
  } catch (e) {
    // No answer at all (refused, unknown host, timeout) has no HTTP status to show.
    if (e instanceof APIConnectionError) return { ok: false, error: unreachable(cfg.baseURL, e) };
    const status = e instanceof APIError && e.status ? ` (HTTP ${e.status})` : "";
    return { ok: false, error: `${redacted(e, cfg.apiKey)}${status}` };
  }
}
