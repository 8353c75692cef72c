import { z } from "zod";
import { defineJob } from "./define";

export const modelDebugJob = defineJob({
  name: "model-debug",
  title: "Trace failures",
  payload: z.object({
    /** the evaluation run whose failed items are traced, with the same model */
    evaluationRunId: z.string().min(1),
    /** patches written by a chat model from the same facts as the templates (else templates only) */
    llmPatches: z.boolean().optional(),
    /** the LLM endpoint for llmPatches (Settings, or `env`); the default endpoint when absent */
    endpoint: z.string().optional(),
    requestedBy: z.string().optional(),
  }),
  // One trace per failed item (unique per debug run): a retry traces only the items without one,
  // then proposes the patches it has not proposed yet.
  options: { retryLimit: 3, retryDelay: 15, retryBackoff: true, expireInSeconds: 12 * 3600 },
  conflictKey: (p) => `debug:${p.evaluationRunId}`,
});

export type ModelDebugPayload = z.infer<typeof modelDebugJob.payload>;
