import type { ModelTrainPayload } from "@/lib/jobs/model-train";
import { trainModel } from "@/lib/server/services/models/train-model";
import type { JobHandler } from "@/workers/runtime/job-context";

export const modelTrainHandler: JobHandler<ModelTrainPayload> = async (ctx, payload) => {
  const out = await trainModel(ctx, payload);
  // A remote fine-tune still running: the run waits without a worker and polls again later.
  return "wait" in out ? ctx.waitUntil(out.wait.until, out.wait.checkpoint, out.wait.message) : out;
};
