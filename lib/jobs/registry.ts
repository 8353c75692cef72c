import { benchmarkBuildJob } from "./benchmark-build";
import { corpusImportJob } from "./corpus-import";
import { knowledgeExtractJob } from "./knowledge-extract";
import { loopRunJob } from "./loop-run";
import { modelDebugJob } from "./model-debug";
import { modelEvaluateJob } from "./model-evaluate";
import { modelTrainJob } from "./model-train";
import { orthogonalityCheckJob } from "./orthogonality-check";
import { trainingSetBuildJob } from "./training-set-build";
import type { JobDefinition } from "./define";

/** Every job the workers run; they create one pg-boss queue per entry. */
export const jobDefinitions: JobDefinition[] = [corpusImportJob, knowledgeExtractJob, benchmarkBuildJob, trainingSetBuildJob, orthogonalityCheckJob, modelTrainJob, modelEvaluateJob, modelDebugJob, loopRunJob];

export const jobTitle = (name: string) => jobDefinitions.find((d) => d.name === name)?.title ?? name;
