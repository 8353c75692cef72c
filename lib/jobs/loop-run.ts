import { z } from "zod";
import { loopOptionsSchema } from "@/lib/server/services/loop/loop-report";
import { defineJob } from "./define";

/**
 * The whole loop as one job (the Pipeline page's "Run the loop"): its stages run as ordinary child
 * runs (JobRun.parentRunId) in the same worker, exactly as `proda loop` runs them in the CLI.
 */
export const loopRunJob = defineJob({
  name: "loop-run",
  title: "Run the loop",
  payload: loopOptionsSchema.extend({
    /** how the Jobs page names the run: "The loop" or "The loop from build-v1" */
    label: z.string().max(200).optional(),
    requestedBy: z.string().optional(),
  }),
  // A retry or a takeover resumes: the stages already up to date are skipped by their fingerprints.
  // A loop may train remotely for hours, so one delivery may last long (pg-boss allows under 24 h).
  options: { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 23 * 3600 },
  // One loop at a time (`proda loop` in the CLI is kept out by the loop's advisory lock).
  conflictKey: () => "loop:workspace",
});

export type LoopRunPayload = z.infer<typeof loopRunJob.payload>;
