import { corpusImportJob } from "./corpus-import";
import type { JobDefinition } from "./define";

/** Every job the workers run; they create one pg-boss queue per entry. */
export const jobDefinitions: JobDefinition[] = [corpusImportJob];

export const jobTitle = (name: string) => jobDefinitions.find((d) => d.name === name)?.title ?? name;
