import type { Predicate } from "./types";

const ARTICLES = /^(?:the|a|an)\s+/;
// Words whose final s is not a plural; the rest are singularised with a few English rules.
const KEEP_S = new Set(["analysis", "basis", "bus", "gas", "glass", "lens", "mass", "news", "physics", "economics", "mathematics", "statistics", "politics", "ethics", "genesis", "osmosis", "mitosis", "meiosis", "homeostasis", "photosynthesis", "thesis", "virus", "status", "nucleus", "apparatus", "stimulus", "focus", "census", "consensus", "species", "series", "axis", "crisis", "diagnosis", "hypothesis", "synthesis", "emphasis", "bias", "canvas", "atlas", "cosmos", "chaos", "ethos", "process", "success", "stress", "access", "loss", "class", "boss", "moss", "grass", "fungus", "plus", "bonus", "campus", "corpus", "thus", "this", "its", "his", "less", "business"]);

/** One word in the singular by a few English rules (the last word of a canonical name). */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith("s") || KEEP_S.has(word) || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|zes|sses)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * The key two concept names must share to be one concept within a discipline: case, articles,
 * punctuation and plural endings do not count ("The Mitochondria," ≡ "mitochondrion" does not
 * hold, but "Enzymes" ≡ "the enzyme" does).
 */
export function canonicalName(name: string): string {
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/[^\p{L}\p{N}\s-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(ARTICLES, "")
    .split(" ")
    .filter(Boolean);
  if (words.length === 0) return "";
  words[words.length - 1] = singular(words[words.length - 1]);
  return words.join(" ");
}

/** A name as a curator would write it: single spaces, no surrounding punctuation. */
export const displayName = (name: string) => name.replace(/\s+/g, " ").replace(/^[\s"'“”‘’(,;:.-]+|[\s"'“”‘’),;:.-]+$/g, "").trim();

/**
 * Maps a predicate as written ("Causes", "is caused by", "part of") to the vocabulary name, or
 * null when it has none. Inverse phrasings are resolved by the caller swapping subject and object.
 */
export function normalisePredicate(raw: string, vocabulary: Predicate[]): { name: string; inverted: boolean } | null {
  const key = raw.toLowerCase().replace(/[\s-]+/g, "_").replace(/[^a-z_]/g, "");
  const phrase = raw.toLowerCase().replace(/\s+/g, " ").trim();
  for (const p of vocabulary) {
    if (p.name === key || p.phrase.toLowerCase() === phrase) return { name: p.name, inverted: false };
  }
  for (const p of vocabulary) if (p.inverse.toLowerCase() === phrase) return { name: p.name, inverted: true };
  return null;
}
