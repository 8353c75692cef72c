import { z } from "zod";
import { assertSomethingToTest } from "@/lib/server/services/tester/something-to-test";
import { defineJob } from "./define";

export const benchmarkBuildJob = defineJob({
  name: "benchmark-build",
  title: "Build benchmark",
  payload: z.object({
    /** discipline slugs; every discipline with chains when absent */
    disciplines: z.array(z.string()).optional(),
    /** only approved chains (and the approved structure around them) */
    approvedOnly: z.boolean().optional(),
    seed: z.number().int().optional(),
    name: z.string().trim().min(1).max(120).optional(),
    /** freeze it as soon as it is built */
    freeze: z.boolean().optional(),
    /** reword each templated stem naturally with an LLM endpoint (kept when a rewording leaks an option) */
    reword: z.boolean().optional(),
    /** answer each item with an LLM endpoint, with its evidence and with its answer removed; failures are rejected */
    verify: z.boolean().optional(),
    /** the endpoint for `reword` and `verify` (Settings name, or `env`) */
    endpoint: z.string().optional(),
    requestedBy: z.string().optional(),
  }),
  // The benchmark and its items are written in one transaction keyed by the run: a retry
  // finds it written or writes it whole.
  options: { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 3600 },
  // An unknown discipline (404), or no chain to start an item from (422): refused before a run is
  // recorded, from the API, the CLI and the loop alike. The job checks again (a chain rejected meanwhile).
  admit: assertSomethingToTest,
});

export type BenchmarkBuildPayload = z.infer<typeof benchmarkBuildJob.payload>;
