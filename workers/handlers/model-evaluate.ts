import type { ModelEvaluatePayload } from "@/lib/jobs/model-evaluate";
import { evaluateModel } from "@/lib/server/services/models/evaluate-model";
import type { JobHandler } from "@/workers/runtime/job-context";

export const modelEvaluateHandler: JobHandler<ModelEvaluatePayload> = (ctx, payload) => evaluateModel(ctx, payload);
