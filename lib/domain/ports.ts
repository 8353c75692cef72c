import type { z } from "zod";

/** Tokens spent by model calls, added up per job. */
export type TokenUsage = { promptTokens: number; completionTokens: number; calls: number };

export type ChatRequest<T> = {
  /** Names the JSON schema sent to the endpoint (letters, digits, _ and -). */
  schemaName: string;
  /** The answer must parse as JSON and validate against this schema. */
  schema: z.ZodType<T>;
  system: string;
  user: string;
  /** How many times an invalid answer is sent back with the validation errors to be fixed (default 2). */
  maxRepairs?: number;
  temperature?: number;
  signal?: AbortSignal;
};

/**
 * A chat model that answers with structured output. The implementation (lib/adapters/llm)
 * owns concurrency, timeouts, retries on 429 and 5xx, repair of invalid answers and token
 * accounting; engines only ask and get a validated value or a typed error.
 */
export interface ChatModel {
  /** endpoint name and model, for provenance */
  readonly endpoint: string;
  readonly model: string;
  complete<T>(req: ChatRequest<T>): Promise<T>;
  /** Tokens spent so far by this instance. */
  usage(): TokenUsage;
}

// ---- Answering multiple-choice items: the model under evaluation ----

/**
 * What a model under evaluation is shown: the stem and the options' text, in order. Never ids,
 * operators or chain metadata: a model that saw them could answer without knowing anything.
 */
export type McQuestion = { readonly stem: string; readonly options: readonly string[] };

/** How the choice was read: from the reply's text (a letter, an option's text, JSON), the first token's probabilities, or the local student's own pick. */
export type AnswerParsedBy = "letter" | "text" | "json" | "logprobs" | "student";

export type ModelAnswer = {
  /** exactly what was sent, for the record */
  prompt: string;
  /** the reply as received, cut to a few thousand characters */
  raw: string;
  /** the chosen option's index; null when the reply names no single option (counted as wrong, not an error) */
  choice: number | null;
  parsedBy: AnswerParsedBy | null;
  /** how long the request that produced the reply took, retry waits excluded */
  latencyMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
};

/**
 * A model answering multiple-choice items: an endpoint (lib/adapters/llm/answer-model.ts) or the
 * local student (lib/adapters/student/answer-model.ts). An unreadable reply is an answer with
 * choice null; only the endpoint failing (refused, rate limited, down) throws.
 */
export interface AnswerModel {
  /** how the model is named wherever its results appear */
  readonly label: string;
  answer(question: McQuestion, opts?: { signal?: AbortSignal }): Promise<ModelAnswer>;
}
