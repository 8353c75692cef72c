import type { TrainingSetBuildPayload } from "@/lib/jobs/training-set-build";
import { buildTrainingSet } from "@/lib/server/services/builder/build-training-set";
import type { JobHandler } from "@/workers/runtime/job-context";

export const trainingSetBuildHandler: JobHandler<TrainingSetBuildPayload> = (ctx, payload) => buildTrainingSet(ctx, payload);
