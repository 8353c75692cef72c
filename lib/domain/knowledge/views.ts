import { z } from "zod";

/**
 * The read models of the knowledge structure that cross the wire in search and the graph
 * canvas: one schema each, which the server checks its answers against and the browser infers
 * its types from.
 */
export const reviewStatus = z.enum(["DRAFT", "APPROVED", "REJECTED"]);

export const conceptRef = z.object({ id: z.string(), name: z.string(), status: reviewStatus });

export const conceptView = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  definition: z.string().nullable(),
  status: reviewStatus,
  chunkId: z.string().nullable(),
  disciplineId: z.string(),
});

export const relationView = z.object({
  id: z.string(),
  predicate: z.string(),
  evidence: z.string(),
  status: reviewStatus,
  chunkId: z.string().nullable(),
  disciplineId: z.string(),
  subject: conceptRef,
  object: conceptRef,
});

/** A relation as an edge of the canvas: its ends by id (the nodes carry the names). */
export const edgeView = z.object({ id: z.string(), subjectId: z.string(), objectId: z.string(), predicate: z.string(), status: reviewStatus, evidence: z.string() });

export const chainView = z.object({
  id: z.string(),
  summary: z.string().nullable(),
  status: reviewStatus,
  chunkId: z.string().nullable(),
  disciplineId: z.string(),
  steps: z.array(z.object({ position: z.number().int(), relation: relationView })),
});

export const searchResult = z.object({ concepts: z.array(conceptView), relations: z.array(relationView), chains: z.array(chainView) });

export const subgraphView = z.object({ concepts: z.array(conceptView), relations: z.array(edgeView), chains: z.array(chainView), truncated: z.boolean() });

export type ReviewStatus = z.infer<typeof reviewStatus>;
export type ConceptView = z.infer<typeof conceptView>;
export type RelationView = z.infer<typeof relationView>;
export type EdgeView = z.infer<typeof edgeView>;
export type ChainView = z.infer<typeof chainView>;
export type SearchResult = z.infer<typeof searchResult>;
export type SubgraphView = z.infer<typeof subgraphView>;
