import nlp from "compromise";
import { be, headIndex, IRREGULAR_PLURALS, isPlural, isPluralWord, wordsOf } from "../knowledge/phrasing";
import { isMassWord } from "./mass-nouns";
import { remembered } from "./remembered";

/**
 * Concept names as noun phrases in a sentence: with the article they need ("a neutrophil",
 * "the cell membrane", "glucose", "mitochondria", "Newton's first law"), and in the other number
 * ("a kind of phagocytic cell", "Organelles include…"). Only the head noun changes, so the
 * concept keeps its own words.
 */

export type Article = "a" | "the";

const SINGULAR_OF_IRREGULAR = new Map(Object.entries(IRREGULAR_PLURALS).map(([p, s]) => [s, p]));
const DETERMINER = /^(?:the|a|an|this|that|these|those|some|any|each|every|all|both|no|its|their|his|her|our|your|my|one|two|three|many|most|much|several|few)$/i;
// Heads that are count nouns alone but name a quantity in these phrases ("gross domestic product");
// a named theory is used without an article too ("conflict theory", "cell theory").
const MASS_PHRASE = /^(?:domestic|national|marginal|total|average) (?:product|income|revenue|cost|utility)$/i;
const ORDINAL = /^(?:first|second|third|fourth|fifth|last|next|final|same|only)$/i;

/** Whether a name is written as a proper name, an acronym or a number: it takes no article and stays as written. */
export const asWritten = (name: string) => /^[\p{Lu}\p{N}]/u.test(name.trim()) || /^\p{Ll}+\p{Lu}/u.test(name.trim());

/** A mass noun by its head ("light energy", "conservation of mass"). */
export const isMass = remembered((name: string): boolean => {
  const words = wordsOf(name);
  if (words.length === 0) return false;
  const i = headIndex(words);
  if (i > 0 && (MASS_PHRASE.test(`${words[i - 1]} ${words[i]}`) || /^theory$/i.test(words[i]))) return true;
  return !isPluralWord(words[i]) && isMassWord(words[i]);
});

/** A name that can be counted, and so has a plural ("organelle"), unlike "inflammation" or "Mars". */
export const isCountable = (name: string) => isPlural(name) || (!isMass(name) && !asWritten(name));

/** The name with its head noun in the singular: "phagocytic cells" → "phagocytic cell", "mitochondria" → "mitochondrion". */
export function singularOf(name: string): string {
  if (!isPlural(name)) return name;
  return withHead(name, (head) => (/^\p{Ll}?\p{Lu}[\p{Lu}\p{N}]+s$/u.test(head) ? head.slice(0, -1) : singularWord(head.toLowerCase())));
}

/** The name with its head noun in the plural: "organelle" → "organelles", "nucleus" → "nuclei"; a mass noun stays. */
export function pluralOf(name: string): string {
  if (isPlural(name) || !isCountable(name)) return name;
  return withHead(name, (head) => pluralWord(head.toLowerCase()));
}

// A head that is not a word ("phase 2") has no other number.
const singularWord = remembered((w) => {
  if (Object.hasOwn(IRREGULAR_PLURALS, w)) return IRREGULAR_PLURALS[w];
  return /^\p{L}+$/u.test(w) ? nlp(`the ${w}`).nouns().toSingular().text().replace(/^the /, "") || w.replace(/s$/, "") : w;
});
const pluralWord = remembered((w) => {
  const irregular = SINGULAR_OF_IRREGULAR.get(w);
  if (irregular) return irregular;
  return /^\p{L}+$/u.test(w) ? nlp(`the ${w}`).nouns().toPlural().text().replace(/^the /, "") || `${w}s` : w;
});

// An adjective taken for a concept ("tetrahedral", "hydrophobic") takes no article either.
const adjectiveWord = remembered((w) => /^\p{L}+$/u.test(w) && nlp(w).has("#Adjective") && !nlp(w).has("#Noun"));

function withHead(name: string, change: (head: string) => string): string {
  const words = name.trim().split(/\s+/);
  const i = headIndex(wordsOf(name));
  const head = words[i];
  const changed = change(head);
  words[i] = /^\p{Lu}\p{Ll}/u.test(head) ? changed.charAt(0).toUpperCase() + changed.slice(1) : changed;
  return words.join(" ");
}

/**
 * The name as a noun phrase with the article a singular count noun needs. A name that names one
 * thing ("law of demand", "first law") takes "the" whatever was asked; plural, mass and proper
 * names, and names that open with a determiner or a possessive, take none.
 */
export function withArticle(name: string, article: Article): string {
  const n = name.trim();
  const words = wordsOf(n);
  if (words.length === 0 || asWritten(n) || DETERMINER.test(words[0]) || /['’]s$/.test(words[0])) return n;
  if (isPlural(n) || isMass(n) || adjectiveWord(words[headIndex(words)].toLowerCase())) return n;
  if (article === "the" || ORDINAL.test(words[0]) || headIndex(words) < words.length - 1) return `the ${n}`;
  return `${anOrA(n)} ${n}`;
}

/** "an" before a vowel sound: "an enzyme", "an hour", but "a unit", "a eukaryotic cell", "a one-way". */
export function anOrA(word: string): "a" | "an" {
  return /^(?:[ai]|e(?!u|w)|o(?!ne\b|nce\b)|u(?!ni|s[aeiu]|r[aeiuy]|t[ei]|bi|k|ro|vu)|h(?:our|onou?r|onest|eir))/i.test(word) ? "an" : "a";
}

/** The name in either number: ["mitochondrion", "mitochondria"]. */
export const nameForms = (name: string) => [...new Set([name, singularOf(name), pluralOf(name)].map((v) => v.trim()))];

/** A regular-expression source for the name in either number ("mitochondrion|mitochondria"). */
export const namePattern = (name: string) => nameForms(name).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

/** "What is a neutrophil?", "What is glucose?", "What are mitochondria?" */
export const askWhatIs = (name: string) => `What ${be(name)} ${withArticle(name, "a")}?`;
