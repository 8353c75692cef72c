import { z } from "zod";

/**
 * Where the workspace stands in the loop, for the home page's checklist: the counts behind each
 * step (one schema for the server's answer and the page that reads it).
 */
export const pipelineStatus = z.object({
  documents: z.number().int(),
  chunks: z.number().int(),
  extractedChunks: z.number().int(),
  concepts: z.number().int(),
  relations: z.number().int(),
  chains: z.number().int(),
  /** concepts, relations and chains approved or rejected by a person */
  reviewed: z.number().int(),
  frozenBenchmarks: z.number().int(),
  /** active items of the newest frozen benchmark */
  frozenItems: z.number().int(),
  trainingSets: z.number().int(),
  approvedTrainingSets: z.number().int(),
  /** model versions fine-tuned here (the local student or a remote fine-tune), not registered ones */
  trainedModels: z.number().int(),
  /** evaluation runs that answered every item */
  finishedEvaluations: z.number().int(),
  /** failed items the Debugger traced */
  tracedFailures: z.number().int(),
  /** patches approved (or already applied to a training set) */
  approvedPatches: z.number().int(),
  /** the most versions evaluated on one frozen benchmark: two or more can be compared on the dashboards */
  comparedVersions: z.number().int(),
});
export type PipelineStatus = z.infer<typeof pipelineStatus>;
