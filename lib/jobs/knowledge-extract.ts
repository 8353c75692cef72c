import { z } from "zod";
import { selectDisciplines } from "@/lib/server/queries/structure";
import { defineJob } from "./define";

export const knowledgeExtractJob = defineJob({
  name: "knowledge-extract",
  title: "Extract knowledge",
  payload: z.object({
    /** discipline slug; all disciplines when absent */
    discipline: z.string().optional(),
    /** restrict to these documents */
    documentIds: z.array(z.string()).optional(),
    engine: z.enum(["local", "llm"]).default("local"),
    /** endpoint name for the llm engine and for verification */
    endpoint: z.string().optional(),
    /** check every triple against its evidence sentence with an LLM endpoint; refused ones are not written */
    verify: z.boolean().optional(),
    /** extract again chunks already extracted with the same settings (drafts are replaced) */
    force: z.boolean().optional(),
    label: z.string().optional(),
  }),
  // Each chunk is written with its "extracted" mark in one transaction, so a retry resumes.
  options: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 6 * 3600 },
  // Two extractions of one discipline would race on its chunks and drafts (a forced one replaces
  // them): one at a time per discipline, and an extraction of all disciplines alone.
  conflictKey: (p) => `knowledge-structure:${p.discipline ?? "*"}`,
  admit: async (db, p) => {
    if (p.discipline) await selectDisciplines(db, [p.discipline]);
  },
});

export type KnowledgeExtractPayload = z.infer<typeof knowledgeExtractJob.payload>;
