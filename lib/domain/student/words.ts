import { singular } from "../knowledge/canonical";
import { IRREGULAR_PLURALS } from "../knowledge/phrasing";

/**
 * The student's words: what it reads of a statement, a question or an option. Surface forms that
 * do not change a statement's meaning are folded together (articles dropped, number and the forms
 * of "be" merged), so "Neutrophils are a kind of phagocytic cell" and "A neutrophil is a kind of
 * phagocytic cells" read alike; punctuation and relative words stay as clause breaks, because a
 * noun phrase ends there ("…a kind of white blood cell that engulfs bacteria").
 */

/** A clause break in a token list. */
export const BREAK = "|";

const TOKEN = /[\p{L}\p{N}]+(?:['’]\p{L}+)?|[,;:()[\]—–.!?"“”]/gu;
const ARTICLES = new Set(["a", "an", "the"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being"]);
const RELATIVE = new Set(["that", "which", "who", "whom", "whose", "where", "when", "while", "because", "although"]);
// Function words carry the relation, never the concept: they do not count when two names are compared.
const FUNCTION_WORDS = new Set([
  "be", "of", "in", "into", "to", "by", "for", "with", "on", "at", "from", "as", "and", "or", "not", "no", "it", "its", "this", "these",
  "those", "there", "their", "they", "than", "also", "some", "such", "other", "each", "any", "all", "both", "can", "may", "has", "have",
  "one", "something",
]);

/** One word as the student reads it, or null for a word it ignores (an article). */
export function normalWord(raw: string): string | null {
  const w = raw.normalize("NFKC").toLowerCase().replace(/['’]s$/, "");
  if (ARTICLES.has(w)) return null;
  if (BE.has(w)) return "be";
  return IRREGULAR_PLURALS[w] ?? singular(w);
}

/** The text's words in order, with BREAK where a clause or noun phrase ends. */
export function tokensOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    if (!/[\p{L}\p{N}]/u.test(raw) || RELATIVE.has(raw.toLowerCase())) {
      if (out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
      continue;
    }
    const w = normalWord(raw);
    if (w) out.push(w);
  }
  return out;
}

export const isContent = (token: string) => token !== BREAK && !FUNCTION_WORDS.has(token);

/** The words that name things: what two names are compared on and what the index is searched by. */
export const contentOf = (tokens: readonly string[]) => tokens.filter(isContent);

/**
 * How well two names agree, as the F1 of their content words: 1 for the same name in other
 * number or with other articles, partial for names that share a word ("chemical energy" and
 * "potential energy": 0.5), 0 for names with nothing in common.
 */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const bs = new Set(b);
  const as = new Set(a);
  let shared = 0;
  for (const w of as) if (bs.has(w)) shared++;
  if (shared === 0) return 0;
  const precision = shared / bs.size;
  const recall = shared / as.size;
  return (2 * precision * recall) / (precision + recall);
}
