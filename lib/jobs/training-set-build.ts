import { z } from "zod";
import { selectDisciplines } from "@/lib/server/queries/structure";
import { defineJob } from "./define";

export const trainingSetBuildJob = defineJob({
  name: "training-set-build",
  title: "Build training set",
  payload: z.object({
    name: z.string().trim().min(1, "is required").max(120),
    /** instances per discipline at most */
    budget: z.number().int().positive().optional(),
    approvedOnly: z.boolean().optional(),
    /** discipline slugs; all when absent */
    disciplines: z.array(z.string()).optional(),
    /** only the disciplines a frozen benchmark covers (test first: only those can be approved for training) */
    testedOnly: z.boolean().optional(),
    /** the version it derives from; the latest version of the same name when absent */
    parentId: z.string().optional(),
    note: z.string().max(500).optional(),
    /** paraphrase each instance with an LLM endpoint (kept when a paraphrase drops a concept name) */
    paraphrase: z.boolean().optional(),
    /** the endpoint for `paraphrase` (Settings name, or `env`) */
    endpoint: z.string().optional(),
    requestedBy: z.string().optional(),
  }),
  // The set row is keyed by the run; a retry deletes what the killed attempt wrote and writes
  // it again (synthesis is deterministic), so nothing is lost or doubled.
  options: { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 6 * 3600 },
  admit: async (db, p) => {
    await selectDisciplines(db, p.disciplines);
  },
});

export type TrainingSetBuildPayload = z.infer<typeof trainingSetBuildJob.payload>;
