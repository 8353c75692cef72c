import { chunkBlocks, DEFAULT_MAX_TOKENS } from "./chunk";
import { qualityIssue } from "./quality";
import type { Block, ChunkDraft, DropReason } from "./types";

export type PreparedDocument = {
  chunks: ChunkDraft[];
  dropped: Partial<Record<DropReason, number>>;
  /** A few dropped texts per reason, so the report shows what a reason means in practice. */
  droppedSamples: { reason: DropReason; text: string }[];
};

const SAMPLES_PER_REASON = 2;
const SAMPLE_CHARS = 160;

/**
 * Chunks a document, filters chunks by quality and drops those whose content hash was already
 * seen (in this document or earlier in the same import: `seen` is shared and updated).
 * Kept chunks are renumbered so ordinals stay dense.
 */
export function prepareDocument(blocks: Block[], seen: Set<string>, maxTokens = DEFAULT_MAX_TOKENS): PreparedDocument {
  const dropped: Partial<Record<DropReason, number>> = {};
  const droppedSamples: PreparedDocument["droppedSamples"] = [];
  const drop = (reason: DropReason, text: string) => {
    dropped[reason] = (dropped[reason] ?? 0) + 1;
    if (droppedSamples.filter((s) => s.reason === reason).length < SAMPLES_PER_REASON) {
      droppedSamples.push({ reason, text: text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS)}…` : text });
    }
  };
  const chunks: ChunkDraft[] = [];
  for (const chunk of chunkBlocks(blocks, maxTokens)) {
    const issue = qualityIssue(chunk.text);
    if (issue) drop(issue, chunk.text);
    else if (seen.has(chunk.contentHash)) drop("duplicate", chunk.text);
    else {
      seen.add(chunk.contentHash);
      chunks.push({ ...chunk, ordinal: chunks.length });
    }
  }
  return { chunks, dropped, droppedSamples };
}
