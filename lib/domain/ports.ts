import type { z } from "zod";
import type { FineTuneState, Hyperparameters, TrainerApi } from "./training";

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

// ---- Trainer: fine-tuning providers ----

/** One fine-tune to run at a provider. */
export type FineTuneRequest = {
  /**
   * The ProDa run asking for it. Sent with the job (OpenAI `metadata.proda_run_id`) so that
   * findJob can recognise a job this run already created.
   */
  runId: string;
  baseModel: string;
  /** added to the fine-tuned model's name by the provider (OpenAI up to 64 characters, Together 40) */
  suffix?: string;
  hyperparameters: Hyperparameters;
  trainingFile: {
    name: string;
    /**
     * The chat JSONL in pieces of one or more whole lines, each ending in "\n". Read once per
     * upload and streamed to the provider as it comes: a training set can be hundreds of MB.
     */
    lines: () => AsyncIterable<string>;
  };
  /** more metadata for providers that keep it (string values, OpenAI: 16 keys at most) */
  metadata?: Record<string, string>;
  /** ends the request in flight; what the call throws then is the signal's reason */
  signal?: AbortSignal;
};

/** Where a run's fine-tune lives remotely: what a job handler checkpoints to resume it. */
export type RemoteFineTune = { provider: TrainerApi; fileId: string; jobId: string };

export type FineTuneEvent = { at: string; level: string; message: string };

export type FineTuneStatus = {
  state: FineTuneState;
  /** the provider's own word for it, shown beside the state */
  rawStatus: string;
  /** the model id to serve, once the job succeeded */
  fineTunedModel: string | null;
  /** the provider's reason for a failure, first line, secrets blanked out */
  error: string | null;
  /** the job's recent events, oldest first, secrets blanked out */
  events: FineTuneEvent[];
  trainedTokens?: number | null;
  /** in [0, 1] when the provider says how far training is */
  progress?: number | null;
};

/**
 * A fine-tuning provider (lib/adapters/trainer). Upload and create are separate so a job handler
 * can checkpoint the file id, then the job id: a worker restarted at any point resumes polling
 * the same remote job and never pays for a second one. Before createJob, a resumed handler asks
 * findJob, since a crash between the provider creating the job and the checkpoint is otherwise
 * invisible. Failures are the usual classes: EndpointRefusedError (fatal), RateLimitedError (wait
 * retryAfterMs), RetryableError (retry later); none is retried in-process, because the job runtime
 * retries from the last checkpoint.
 */
export interface Trainer {
  readonly provider: TrainerApi;
  /** endpoint name, for provenance and messages */
  readonly endpoint: string;
  /** Streams the training file to the provider; its file id. */
  uploadTrainingFile(req: FineTuneRequest): Promise<string>;
  /** Starts the fine-tune on an uploaded file; the remote job id. */
  createJob(req: FineTuneRequest, fileId: string): Promise<string>;
  /** The job createJob(req, fileId) made earlier, if the provider has it (newest first); else null. */
  findJob(req: FineTuneRequest, fileId: string): Promise<string | null>;
  status(jobId: string, signal?: AbortSignal): Promise<FineTuneStatus>;
  cancel(jobId: string, signal?: AbortSignal): Promise<void>;
}

// ---- end Trainer ----

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
