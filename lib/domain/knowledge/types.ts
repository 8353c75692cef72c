/** A predicate of a discipline's vocabulary with its phrasing both ways ("causes" / "is caused by"). */
export type Predicate = { name: string; phrase: string; inverse: string };

/** What an extractor reads: one chunk of one discipline. */
export type ChunkInput = { id: string; discipline: string; heading: string | null; text: string };

/** L1: a key concept, named as in the text, with a short definition grounded in the chunk. */
export type ExtractedConcept = {
  name: string;
  aliases: string[];
  definition: string | null;
  evidence: string | null;
  /** where the definition comes from: a glossary line is the book's own and wins over a sentence */
  definitionSource?: "glossary" | "sentence";
};

/**
 * L2: a relation triple between two concept names, with a predicate from the vocabulary and the
 * evidence sentence, copied verbatim from the chunk.
 */
export type ExtractedTriple = {
  subject: string;
  predicate: string;
  object: string;
  evidence: string;
  /** how sure the extractor is, 0 to 1 (the local engine writes nothing below its threshold) */
  confidence?: number;
};

/**
 * L3: a reasoning chain of 2 to 4 steps, each an index into `triples`, in order: the object of
 * one step is the subject of the next; the last object is the conclusion.
 */
export type ExtractedChain = { steps: number[]; summary: string };

export type Extraction = { chains: ExtractedChain[]; triples: ExtractedTriple[]; concepts: ExtractedConcept[] };

/** Settings that, with the extractor's id and version, decide whether a chunk was already extracted. */
export type ExtractorInfo = { id: "local" | "llm"; version: string; model: string | null; promptVersion: string | null };

/** Turns a chunk into chains, triples and concepts, top-down (L3, then L2, then L1). */
export interface Extractor {
  readonly info: ExtractorInfo;
  extract(chunk: ChunkInput, vocabulary: Predicate[]): Promise<Extraction>;
}
