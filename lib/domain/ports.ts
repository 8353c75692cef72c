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
