import { z } from "zod";
import { defineJob } from "./define";

export const modelEvaluateJob = defineJob({
  name: "model-evaluate",
  title: "Evaluate model",
  payload: z.object({
    modelVersionId: z.string().min(1),
    benchmarkId: z.string().min(1),
    requestedBy: z.string().optional(),
  }),
  // Answers are written as they arrive, one row per item (unique per run): a retry asks only
  // the items without one, so no item is asked twice once its answer came back.
  options: { retryLimit: 3, retryDelay: 15, retryBackoff: true, expireInSeconds: 12 * 3600 },
  conflictKey: (p) => `evaluation:${p.modelVersionId}:${p.benchmarkId}`,
});

export type ModelEvaluatePayload = z.infer<typeof modelEvaluateJob.payload>;
