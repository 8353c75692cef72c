import { z } from "zod";
import { defineJob } from "./define";

export const importSourceSchema = z.discriminatedUnion("kind", [
  // A file or folder on the machine running the job (the CLI runs it in-process).
  z.object({ kind: z.literal("path"), path: z.string().min(1) }),
  // Files uploaded in the browser, stored as UploadedFile rows of the run.
  z.object({ kind: z.literal("upload") }),
]);

export const corpusImportJob = defineJob({
  name: "corpus-import",
  title: "Import documents",
  payload: z.object({
    source: importSourceSchema,
    /** Discipline (slug or name) for files that no manifest line assigns one. */
    discipline: z.string().optional(),
    label: z.string().optional(),
  }),
  options: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 3600 },
});

export type CorpusImportPayload = z.infer<typeof corpusImportJob.payload>;
