import { corpusImportJob } from "@/lib/jobs/corpus-import";
import type { JobHandler } from "@/workers/runtime/job-context";
import { corpusImportHandler } from "./corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { knowledgeExtractHandler } from "./knowledge-extract";

/** Handler per job name; workers/main.ts and the CLI's in-process runs look them up here. */
export const jobHandlers: Record<string, JobHandler<never>> = {
  [corpusImportJob.name]: corpusImportHandler as JobHandler<never>,
  [knowledgeExtractJob.name]: knowledgeExtractHandler as JobHandler<never>,
};
