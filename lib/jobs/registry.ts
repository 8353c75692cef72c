import { corpusImportJob } from "./corpus-import";
import { knowledgeExtractJob } from "./knowledge-extract";
import type { JobDefinition } from "./define";

/** Every job the workers run; they create one pg-boss queue per entry. */
export const jobDefinitions: JobDefinition[] = [corpusImportJob, knowledgeExtractJob];

export const jobTitle = (name: string) => jobDefinitions.find((d) => d.name === name)?.title ?? name;
