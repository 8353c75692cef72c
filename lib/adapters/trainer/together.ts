import { z } from "zod";
import type { FineTuneRequest, FineTuneStatus, Trainer } from "@/lib/domain/ports";
import { normaliseStatus, resolveHyperparameters, stepProgress } from "@/lib/domain/training";
import { cancelUnlessFinished, trainerHttp, type TrainerSettings } from "./http";

/*
 * Together's fine-tuning API, as its reference documents it (base URL https://api.together.xyz/v1):
 *   https://docs.together.ai/reference/upload-file          POST /files/upload, multipart: purpose, file_name, file_type, file
 *   https://docs.together.ai/reference/post-fine-tunes      POST /fine-tunes (training_type Lora with lora_r, lora_alpha, or Full)
 *   https://docs.together.ai/reference/get-fine-tunes-id    GET /fine-tunes/{id}: status (FinetuneJobStatus), model_output_name
 *   https://docs.together.ai/reference/get-fine-tunes-id-events   GET /fine-tunes/{id}/events: { data: FineTuneEvent[] }
 *   https://docs.together.ai/reference/finetune             CLI and SDK: list, cancel (POST /fine-tunes/{id}/cancel)
 * The create body follows the current reference (`training_type`) rather than the older
 * top-level `lora` flag; it documents no seed, so none is sent.
 */

const fileSchema = z.object({ id: z.string().min(1) });
const jobSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  created_at: z.string().nullish(),
  training_file: z.string().nullish(),
  model_output_name: z.string().nullish(),
  // the name older answers used for the same thing
  output_name: z.string().nullish(),
  token_count: z.number().nullish(),
  n_epochs: z.number().nullish(),
  epochs_completed: z.number().nullish(),
});
const jobListSchema = z.object({ data: z.array(jobSchema) });
const eventListSchema = z.object({
  data: z.array(z.object({ created_at: z.string(), level: z.string().nullish(), type: z.string().nullish(), message: z.string() })),
});

export function createTogetherTrainer(cfg: TrainerSettings): Trainer {
  const where = `Together endpoint "${cfg.name}"`;
  const http = trainerHttp(cfg, where);
  const job = (id: string) => `/fine-tunes/${encodeURIComponent(id)}`;
  const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) || 0 : 0);

  async function status(jobId: string, signal?: AbortSignal): Promise<FineTuneStatus> {
    const j = http.read(jobSchema, await http.get(job(jobId), undefined, signal), "a fine-tuning job");
    const listed = http.read(eventListSchema, await http.get(`${job(jobId)}/events`, undefined, signal), "the job's events");
    const sorted = [...listed.data].sort((a, b) => time(a.created_at) - time(b.created_at));
    const events = sorted.map((e) => ({ at: new Date(time(e.created_at)).toISOString(), level: e.level ?? "info", message: http.scrub(e.message) }));
    const state = normaliseStatus("together", j.status);
    // Together reports why a job failed as an error event, not on the job.
    const reason = sorted.filter((e) => e.level?.includes("error") || e.type === "job_error").at(-1)?.message;
    const steps = events.map((e) => stepProgress(e.message)).filter((p): p is number => p !== null);
    const epochs = j.n_epochs && j.epochs_completed != null ? Math.min(1, j.epochs_completed / j.n_epochs) : null;
    return {
      state,
      rawStatus: j.status,
      // Together names the output model at creation; it can be served only once the job completed.
      fineTunedModel: state === "succeeded" ? (j.model_output_name ?? j.output_name ?? null) : null,
      error: state === "failed" ? http.scrub(reason ?? "the provider gave no reason") : null,
      events,
      trainedTokens: j.token_count ?? null,
      progress: state === "succeeded" ? 1 : (steps.at(-1) ?? epochs),
    };
  }

  return {
    provider: "together",
    endpoint: cfg.name,
    async uploadTrainingFile(req: FineTuneRequest) {
      const form = [
        { name: "purpose", value: "fine-tune" },
        { name: "file_name", value: req.trainingFile.name },
        { name: "file_type", value: "jsonl" },
        { name: "file", filename: req.trainingFile.name, contentType: "application/jsonl", content: req.trainingFile.lines },
      ];
      return http.read(fileSchema, await http.upload("/files/upload", form, req.signal), "the file upload").id;
    },
    async createJob(req, fileId) {
      const h = resolveHyperparameters(req.hyperparameters);
      const asked = req.hyperparameters;
      const body = {
        training_file: fileId,
        model: req.baseModel,
        n_epochs: h.epochs,
        // Unset, Together's own defaults apply (learning rate 1e-5, batch size "max").
        learning_rate: asked.learningRate,
        batch_size: asked.batchSize,
        suffix: req.suffix,
        training_type: h.method === "lora" ? { type: "Lora", lora_r: h.loraRank, lora_alpha: h.loraAlpha } : { type: "Full" },
      };
      return http.read(jobSchema, await http.post("/fine-tunes", body, req.signal), "the new fine-tuning job").id;
    },
    async findJob(req, fileId) {
      // Together keeps no metadata on a job; the file this run uploaded is used by no other run.
      const list = http.read(jobListSchema, await http.get("/fine-tunes", undefined, req.signal), "the list of fine-tuning jobs");
      const mine = list.data.filter((j) => j.training_file === fileId).sort((a, b) => time(b.created_at) - time(a.created_at));
      return mine[0]?.id ?? null;
    },
    status,
    async cancel(jobId, signal) {
      await cancelUnlessFinished(() => http.post(`${job(jobId)}/cancel`, undefined, signal), () => status(jobId, signal));
    },
  };
}
