import { corpusImportJob } from "@/lib/jobs/corpus-import";
import type { JobHandler } from "@/workers/runtime/job-context";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { orthogonalityCheckJob } from "@/lib/jobs/orthogonality-check";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import { benchmarkBuildHandler } from "./benchmark-build";
import { orthogonalityCheckHandler } from "./orthogonality-check";
import { trainingSetBuildHandler } from "./training-set-build";
import { corpusImportHandler } from "./corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { knowledgeExtractHandler } from "./knowledge-extract";
import { modelDebugJob } from "@/lib/jobs/model-debug";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob } from "@/lib/jobs/model-train";
import { modelDebugHandler } from "./model-debug";
import { modelEvaluateHandler } from "./model-evaluate";
import { modelTrainHandler } from "./model-train";
import { loopRunJob } from "@/lib/jobs/loop-run";
import { loopRunHandler } from "./loop-run";

/** Handler per job name; workers/main.ts and the CLI's in-process runs look them up here. */
export const jobHandlers: Record<string, JobHandler<never>> = {
  [corpusImportJob.name]: corpusImportHandler as JobHandler<never>,
  [knowledgeExtractJob.name]: knowledgeExtractHandler as JobHandler<never>,
  [benchmarkBuildJob.name]: benchmarkBuildHandler as JobHandler<never>,
  [trainingSetBuildJob.name]: trainingSetBuildHandler as JobHandler<never>,
  [orthogonalityCheckJob.name]: orthogonalityCheckHandler as JobHandler<never>,
  [modelTrainJob.name]: modelTrainHandler as JobHandler<never>,
  [modelEvaluateJob.name]: modelEvaluateHandler as JobHandler<never>,
  [modelDebugJob.name]: modelDebugHandler as JobHandler<never>,
  [loopRunJob.name]: loopRunHandler as JobHandler<never>,
};
