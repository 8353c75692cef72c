import OpenAI, { APIError } from "openai";
import { capRaw, choiceFromLogprobs, letterToken, mcPrompt, parseAnswer, promptRecord } from "@/lib/domain/evaluation";
import type { AnswerModel, McQuestion, ModelAnswer } from "@/lib/domain/ports";
import { createEndpoint, type EndpointSettings } from "./endpoint";

export type AnswerModelSettings = EndpointSettings & {
  /** how the model is named in results; default `name (model)` */
  label?: string;
  /** tokens the reply may use: a letter needs one or two; default 16 */
  maxTokens?: number;
  /** ask for the first token's top logprobs (default true); a server that refuses them is asked without */
  logprobs?: boolean;
};

type Completion = OpenAI.Chat.Completions.ChatCompletion;
type TokenLogprobs = NonNullable<NonNullable<Completion["choices"][number]["logprobs"]>["content"]>;

/** 429s waited out per answer before the job parks: generous, since a busy server is not a failing one. */
const RATE_LIMIT_RETRIES = 8;
const TOP_LOGPROBS = 5;

/**
 * The token the reply's choice rests on: the first with a letter or digit in it, so that "(",
 * "**" or a space before the letter do not hide it.
 */
const answerToken = (tokens: TokenLogprobs | null | undefined) => tokens?.find((t) => /[\p{L}\p{N}]/u.test(t.token));

/**
 * The choice a reply makes. The first token's probabilities decide when the reply is a letter
 * answer (its answer token is an option letter and its text reads as one answer): they add up the
 * spellings of each letter (" B", "B") and ignore what follows. A reply that starts with a word
 * ("I think…") is read from its text, since the probabilities of its first token then say nothing
 * of the answer; and a hedge ("A or C") stays unparseable.
 */
function readReply(raw: string, tokens: TokenLogprobs | null | undefined, options: readonly string[]): Pick<ModelAnswer, "choice" | "parsedBy"> {
  const text = parseAnswer(raw, options);
  const token = answerToken(tokens);
  if (text.choice !== null && token && letterToken(token.token, options.length) !== null) {
    const choice = choiceFromLogprobs(token.top_logprobs?.length ? token.top_logprobs : [token], options.length);
    if (choice !== null) return { choice, parsedBy: "logprobs" };
  }
  return text;
}

/**
 * The model under evaluation behind an OpenAI-compatible /v1/chat/completions endpoint: asked
 * each item with the deterministic multiple-choice prompt at temperature 0, its reply read into an
 * option (an unreadable reply is an answer with choice null, not an error). Concurrency, timeouts,
 * retries and Retry-After are the endpoint's (./endpoint.ts); 429s have their own budget here so a
 * busy server does not use up the attempts meant for failures.
 */
export function createAnswerModel(settings: AnswerModelSettings): AnswerModel {
  const endpoint = createEndpoint(settings, { maxRateLimitRetries: RATE_LIMIT_RETRIES });
  const maxTokens = settings.maxTokens ?? 16;
  // Remembered for this endpoint once a request without them was accepted after one with them was refused.
  let skipLogprobs = settings.logprobs === false;

  async function send(messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[], signal: AbortSignal) {
    const request = (withLogprobs: boolean) => {
      const started = performance.now();
      return endpoint.client.chat.completions
        .create(
          { model: settings.model, messages, temperature: 0, max_tokens: maxTokens, ...(withLogprobs ? { logprobs: true, top_logprobs: TOP_LOGPROBS } : {}) },
          { signal, timeout: endpoint.timeoutMs },
        )
        .then((res) => ({ res, latencyMs: Math.round(performance.now() - started) }));
    };
    if (skipLogprobs) return request(false);
    try {
      return await request(true);
    } catch (e) {
      if (!(e instanceof APIError && e.status === 400) || signal.aborted) throw e;
      // Many servers (older vLLM, llama.cpp, some hosted APIs) refuse the parameters with a 400.
      // If the same request without them is refused too, the 400 was about something else.
      const answered = await request(false);
      skipLogprobs = true;
      return answered;
    }
  }

  return {
    label: settings.label ?? `${settings.name} (${settings.model})`,
    async answer(question: McQuestion, opts: { signal?: AbortSignal } = {}): Promise<ModelAnswer> {
      const prompt = mcPrompt(question);
      const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ];
      const { res, latencyMs } = await endpoint.call((signal) => send(messages, signal), opts.signal);
      const choice = res.choices[0];
      const raw = choice?.message?.content ?? "";
      return {
        prompt: promptRecord(prompt),
        raw: capRaw(raw),
        ...readReply(raw, choice?.logprobs?.content, question.options),
        latencyMs,
        promptTokens: res.usage?.prompt_tokens ?? null,
        completionTokens: res.usage?.completion_tokens ?? null,
      };
    },
  };
}
