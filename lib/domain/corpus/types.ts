/** A structural unit of a document after extraction: what chunking works on. */
export type Block = { kind: "heading"; level: number; text: string } | { kind: "paragraph"; text: string };

/** A chunk ready to store: text under one heading, at most a token budget long. */
export type ChunkDraft = {
  ordinal: number;
  heading: string | null;
  text: string;
  tokens: number;
  contentHash: string;
};

/** Why the quality filter or duplicate removal dropped a chunk. */
export type DropReason = "too_short" | "boilerplate" | "mostly_symbols" | "duplicate";
export const DROP_REASONS: DropReason[] = ["too_short", "boilerplate", "mostly_symbols", "duplicate"];
