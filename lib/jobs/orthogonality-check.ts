import { z } from "zod";
import { defineJob } from "./define";

export const orthogonalityCheckJob = defineJob({
  name: "orthogonality-check",
  title: "Orthogonality gate",
  payload: z.object({
    trainingSetId: z.string().min(1, "is required"),
    /** the benchmarks to check against; every benchmark when absent */
    benchmarkIds: z.array(z.string()).optional(),
    /** what the Jobs page calls the run: the training set's name and version */
    label: z.string().max(200).optional(),
  }),
  // Read-only until one transaction writes the check and its violations, keyed by the run.
  options: { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 3600 },
});

export type OrthogonalityCheckPayload = z.infer<typeof orthogonalityCheckJob.payload>;
