/** The fine-tuning APIs ProDa speaks; each one's adapter lives in lib/adapters/trainer. */
export const TRAINER_APIS = ["openai", "together"] as const;
export type TrainerApi = (typeof TRAINER_APIS)[number];

export const FINE_TUNE_STATES = ["validating", "queued", "running", "succeeded", "failed", "cancelled", "unknown"] as const;
/** A remote job's state in ProDa's terms, whatever the provider calls it. */
export type FineTuneState = (typeof FINE_TUNE_STATES)[number];

const OPENAI: Record<string, FineTuneState> = {
  validating_files: "validating",
  queued: "queued",
  running: "running",
  succeeded: "succeeded",
  failed: "failed",
  cancelled: "cancelled",
};

// Together's FinetuneJobStatus (docs.together.ai/reference/get-fine-tunes-id), plus the
// failure spellings its older API and SDKs used. Compressing and uploading come after training,
// before the model can be served: still running for us. A requested cancel is not done yet.
const TOGETHER: Record<string, FineTuneState> = {
  pending: "queued",
  queued: "queued",
  running: "running",
  compressing: "running",
  uploading: "running",
  cancel_requested: "running",
  cancelled: "cancelled",
  error: "failed",
  failed: "failed",
  user_error: "failed",
  completed: "succeeded",
};

/**
 * The state of a provider's raw status. A status we have never seen (OpenAI's "paused", a new
 * one) is "unknown", which is not terminal: the job keeps polling rather than declaring a result
 * the provider never gave.
 */
export function normaliseStatus(provider: TrainerApi, raw: string): FineTuneState {
  const table = provider === "openai" ? OPENAI : TOGETHER;
  return Object.hasOwn(table, raw.toLowerCase()) ? table[raw.toLowerCase()] : "unknown";
}

/** Will this state never change again? */
export const isTerminal = (state: FineTuneState) => state === "succeeded" || state === "failed" || state === "cancelled";

/**
 * How long to wait before the attempt-th poll of a remote job (0-based): 5 s, growing by half
 * each time, capped at 60 s. Deterministic, so a resumed job polls on the same schedule; a
 * fine-tune takes minutes to hours, and polling faster only spends the provider's rate limit.
 */
export function pollDelayMs(attempt: number): number {
  const n = Math.max(0, Math.floor(attempt));
  return Math.min(60_000, Math.round(5_000 * 1.5 ** Math.min(n, 20)));
}

/** Progress in [0, 1] from a training event like "Step 120/400: training loss=0.31", or null. */
export function stepProgress(message: string): number | null {
  const m = /\bstep\s+(\d+)\s*\/\s*(\d+)/i.exec(message);
  if (!m) return null;
  const total = Number(m[2]);
  return total > 0 ? Math.min(1, Number(m[1]) / total) : null;
}
