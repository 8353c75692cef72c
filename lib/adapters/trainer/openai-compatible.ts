import { z } from "zod";
import type { FineTuneRequest, FineTuneStatus, Trainer } from "@/lib/domain/ports";
import { normaliseStatus, stepProgress } from "@/lib/domain/training";
import { cancelUnlessFinished, trainerHttp, type TrainerSettings } from "./http";

/*
 * The OpenAI fine-tuning API (platform.openai.com/docs/api-reference/fine-tuning), which hosted
 * services and self-hosted trainers mirror: POST /files (multipart, purpose fine-tune),
 * POST /fine_tuning/jobs, GET /fine_tuning/jobs[/{id}[/events]], POST /fine_tuning/jobs/{id}/cancel.
 * Plain fetch rather than the openai package, whose upload wants the whole file as one blob.
 */

/** The metadata key that ties a remote job to the ProDa run that created it (see findJob). */
export const RUN_METADATA_KEY = "proda_run_id";

const fileSchema = z.object({ id: z.string().min(1) });
const jobSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  fine_tuned_model: z.string().nullish(),
  training_file: z.string().nullish(),
  trained_tokens: z.number().nullish(),
  error: z.object({ message: z.string().nullish() }).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
const jobListSchema = z.object({ data: z.array(jobSchema) });
const eventListSchema = z.object({ data: z.array(z.object({ created_at: z.number(), level: z.string().nullish(), message: z.string() })) });

export function createOpenAiTrainer(cfg: TrainerSettings): Trainer {
  const where = `fine-tuning endpoint "${cfg.name}"`;
  const http = trainerHttp(cfg, where);
  const job = (id: string) => `/fine_tuning/jobs/${encodeURIComponent(id)}`;

  async function status(jobId: string, signal?: AbortSignal): Promise<FineTuneStatus> {
    const j = http.read(jobSchema, await http.get(job(jobId), undefined, signal), "a fine-tuning job");
    const listed = http.read(eventListSchema, await http.get(`${job(jobId)}/events`, { limit: "50" }, signal), "the job's events");
    // The API lists events newest first; the studio shows a log, oldest first (reversed before
    // the stable sort, so events of the same second keep their order).
    const events = [...listed.data]
      .reverse()
      .map((e) => ({ at: new Date(e.created_at * 1000).toISOString(), level: e.level ?? "info", message: http.scrub(e.message) }))
      .sort((a, b) => a.at.localeCompare(b.at));
    const state = normaliseStatus("openai", j.status);
    const failure = j.error?.message || (state === "failed" ? "the provider gave no reason" : null);
    const steps = events.map((e) => stepProgress(e.message)).filter((p): p is number => p !== null);
    return {
      state,
      rawStatus: j.status,
      fineTunedModel: j.fine_tuned_model ?? null,
      error: failure ? http.scrub(failure) : null,
      events,
      trainedTokens: j.trained_tokens ?? null,
      progress: state === "succeeded" ? 1 : (steps.at(-1) ?? null),
    };
  }

  return {
    provider: "openai",
    endpoint: cfg.name,
    async uploadTrainingFile(req: FineTuneRequest) {
      const form = [
        { name: "purpose", value: "fine-tune" },
        { name: "file", filename: req.trainingFile.name, contentType: "application/jsonl", content: req.trainingFile.lines },
      ];
      return http.read(fileSchema, await http.upload("/files", form, req.signal), "the file upload").id;
    },
    async createJob(req, fileId) {
      const h = req.hyperparameters;
      // OpenAI scales its own learning rate and has no LoRA settings: those hyperparameters stay unsent.
      const body = {
        model: req.baseModel,
        training_file: fileId,
        suffix: req.suffix,
        hyperparameters: { n_epochs: h.epochs, learning_rate_multiplier: h.learningRateMultiplier, batch_size: h.batchSize },
        seed: h.seed,
        metadata: { ...req.metadata, [RUN_METADATA_KEY]: req.runId },
      };
      return http.read(jobSchema, await http.post("/fine_tuning/jobs", body, req.signal), "the new fine-tuning job").id;
    },
    async findJob(req, fileId) {
      // OpenAI filters by metadata; a mirror that ignores the filter returns recent jobs, checked here.
      const list = await http.get("/fine_tuning/jobs", { limit: "100", [`metadata[${RUN_METADATA_KEY}]`]: req.runId }, req.signal);
      const mine = http.read(jobListSchema, list, "the list of fine-tuning jobs").data.find((j) => j.metadata?.[RUN_METADATA_KEY] === req.runId || j.training_file === fileId);
      return mine?.id ?? null;
    },
    status,
    async cancel(jobId, signal) {
      await cancelUnlessFinished(() => http.post(`${job(jobId)}/cancel`, undefined, signal), () => status(jobId, signal));
    },
  };
}
