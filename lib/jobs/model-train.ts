import { z } from "zod";
import { hyperparametersSchema } from "@/lib/domain/training";
import { defineJob } from "./define";

export const TRAINERS = ["local", "openai", "together"] as const;
export const MODEL_STAGES = ["BASE", "OFFICIAL", "V1", "V2", "CUSTOM"] as const;
/** A model version's name: how the CLI and the studio refer to it (V1, V2, qwen-base). */
export const modelNameSchema = z.string().trim().min(1, "is required").max(60).regex(/^[\w.-]+$/, "may use letters, digits, '.', '_' and '-'");

export const modelTrainJob = defineJob({
  name: "model-train",
  title: "Train model",
  payload: z.object({
    trainingSetId: z.string().min(1),
    /** local: the local student (offline stand-in for a GPU fine-tune); openai, together: a remote fine-tune */
    trainer: z.enum(TRAINERS),
    name: modelNameSchema,
    /** V1 and V2 when the name says so, CUSTOM otherwise */
    stage: z.enum(MODEL_STAGES).optional(),
    /** the endpoint (Settings name, or `env`) whose fine-tuning API trains it and then serves it */
    endpoint: z.string().optional(),
    /** the model to fine-tune; the endpoint's model when absent */
    baseModel: z.string().optional(),
    hyperparameters: hyperparametersSchema.optional(),
    requestedBy: z.string().optional(),
  }),
  // The fine-tune row is keyed by the run: a retry finds the uploaded file and the remote job in
  // it (never a second upload or job); the local student is trained again from the same data.
  options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 6 * 3600 },
  conflictKey: (p) => `model:${p.name}`,
});

export type ModelTrainPayload = z.infer<typeof modelTrainJob.payload>;
