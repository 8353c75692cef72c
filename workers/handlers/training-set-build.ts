import type { TrainingSetBuildPayload } from "@/lib/jobs/training-set-build";
import { buildTrainingSet } from "@/lib/server/services/builder/build-training-set";
import { optionalModel } from "@/lib/server/services/model-for";
import type { JobHandler } from "@/workers/runtime/job-context";

export const trainingSetBuildHandler: JobHandler<TrainingSetBuildPayload> = async (ctx, payload) =>
  buildTrainingSet(ctx, payload, await optionalModel(ctx, payload.paraphrase, payload.endpoint));
