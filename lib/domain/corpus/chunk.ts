import { contentHash } from "./hash";
import { countTokens } from "./tokens";
import type { Block, ChunkDraft } from "./types";

export const DEFAULT_MAX_TOKENS = 400;

// A sentence ends at . ! or ? followed by space and a capital, digit or quote; abbreviations
// such as "e.g. the" are rare enough in textbook prose not to matter at this granularity.
const SENTENCE_END = /(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u;

export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
}

type Piece = { text: string; tokens: number };

/**
 * Splits a paragraph that is over budget at sentence boundaries (and an over-long sentence at
 * words). A list keeps one item per line: a glossary's "- term: definition" lines stay lines.
 */
function splitLong(text: string, maxTokens: number): Piece[] {
  const out: Piece[] = [];
  let cur: Piece | null = null;
  const push = (p: Piece, separator: string) => {
    if (cur && cur.tokens + p.tokens + 1 <= maxTokens) cur = { text: `${cur.text}${separator}${p.text}`, tokens: cur.tokens + p.tokens + 1 };
    else {
      if (cur) out.push(cur);
      cur = p;
    }
  };
  for (const line of text.split("\n").filter((l) => l.trim())) {
    let separator = "\n";
    for (const sentence of splitSentences(line)) {
      const tokens = countTokens(sentence);
      if (tokens <= maxTokens) push({ text: sentence, tokens }, separator);
      else for (const part of splitWords(sentence, maxTokens)) push(part, separator);
      separator = " ";
    }
  }
  if (cur) out.push(cur);
  return out;
}

function splitWords(sentence: string, maxTokens: number): Piece[] {
  const out: Piece[] = [];
  let words: string[] = [];
  for (const w of sentence.split(/\s+/)) {
    words.push(w);
    if (countTokens(words.join(" ")) > maxTokens && words.length > 1) {
      words.pop();
      out.push({ text: words.join(" "), tokens: countTokens(words.join(" ")) });
      words = [w];
    }
  }
  if (words.length) out.push({ text: words.join(" "), tokens: countTokens(words.join(" ")) });
  return out;
}

/**
 * Groups paragraphs into chunks of at most `maxTokens`, never across a heading, so every
 * chunk reads as one coherent passage with its section name attached.
 */
export function chunkBlocks(blocks: Block[], maxTokens = DEFAULT_MAX_TOKENS): ChunkDraft[] {
  const chunks: ChunkDraft[] = [];
  let heading: string | null = null;
  let parts: Piece[] = [];
  let tokens = 0;
  const emit = () => {
    if (!parts.length) return;
    const text = parts.map((p) => p.text).join("\n\n");
    chunks.push({ ordinal: chunks.length, heading, text, tokens: countTokens(text), contentHash: contentHash(text) });
    parts = [];
    tokens = 0;
  };
  for (const block of blocks) {
    if (block.kind === "heading") {
      emit();
      heading = block.text;
      continue;
    }
    const t = countTokens(block.text);
    const pieces = t > maxTokens ? splitLong(block.text, maxTokens) : [{ text: block.text, tokens: t }];
    for (const piece of pieces) {
      if (parts.length && tokens + piece.tokens + 2 > maxTokens) emit();
      parts.push(piece);
      tokens += piece.tokens + (parts.length > 1 ? 2 : 0);
    }
  }
  emit();
  return chunks;
}
