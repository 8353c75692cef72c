import { z } from "zod";

/**
 * What the Builder reads: L1 concepts and L2 relations of one discipline, never L3 chains.
 * The schema is strict, so an input that carries chains is refused at run time too: the
 * training data cannot be written from the benchmark's source.
 */
export const builderConcept = z.object({
  id: z.string(),
  name: z.string(),
  definition: z.string().nullable(),
  chunkId: z.string().nullable(),
  approved: z.boolean(),
}).strict();

export const builderRelation = z.object({
  id: z.string(),
  subjectId: z.string(),
  predicate: z.string(),
  objectId: z.string(),
  evidence: z.string(),
  chunkId: z.string().nullable(),
  approved: z.boolean(),
}).strict();

export const builderInput = z.object({
  discipline: z.string(),
  concepts: z.array(builderConcept),
  relations: z.array(builderRelation),
  vocabulary: z.array(z.object({ name: z.string(), phrase: z.string(), inverse: z.string() })),
}).strict();

export type BuilderConcept = z.infer<typeof builderConcept>;
export type BuilderRelation = z.infer<typeof builderRelation>;
/** `chains?: never`: handing the Builder a structure with its chains does not compile. */
export type BuilderInput = z.infer<typeof builderInput> & { chains?: never };

export const INSTANCE_KINDS = ["definition", "relation", "inverse", "explanation", "contrast"] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

export type TrainingInstanceDraft = {
  discipline: string;
  kind: InstanceKind;
  prompt: string;
  completion: string;
  /** what it teaches */
  conceptIds: string[];
  relationIds: string[];
  chunkId: string | null;
};

export type BuilderOptions = {
  /** instances per discipline at most; all candidates when absent */
  budget?: number;
};
