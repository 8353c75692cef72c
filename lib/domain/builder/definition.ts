import nlp from "compromise";
import { agree, be, capitalise, isPluralWord } from "../knowledge/phrasing";
import { anOrA, isMass, nameForms, withArticle } from "./noun-forms";
import { remembered } from "./remembered";

/**
 * A concept's definition as the sentence that teaches it: the text in full, about the concept.
 * A glossary gloss ("bond formed when electrons are shared between atoms") becomes a sentence
 * ("A covalent bond is a bond formed when…"); a definition that was cut ("…", or stopping on
 * "of the") is not taught at all, since a cut definition teaches a wrong one.
 */
export function definitionSentence(name: string, definition: string): string | null {
  const text = definition.trim().replace(/\s+/g, " ").replace(/^[-•*]\s+/, "").replace(/^["“](.*)["”]$/, "$1").trim();
  if (!text || isCut(text)) return null;
  const finished = (s: string) => (/[.!?]["”’)]*$/.test(s) ? s : `${s.replace(/[\s,;:]+$/, "")}.`);
  const subject = capitalise(withArticle(name, "a"));
  if (opensWithName(name, text)) return finished(capitalise(text));
  const pronoun = /^(?:it|this|they|these)\s+(is|are|was|were)\s+/i.exec(text);
  if (pronoun) return finished(`${subject} ${be(name)} ${text.slice(pronoun[0].length)}`);
  // A clause on its own ("When electrons are shared…") says nothing about what the concept is.
  if (/^(?:when|where|whereby|if|because|while|although|whether|since)\b/i.test(text)) return null;
  // The opening decides what kind of gloss it is: a dozen words are enough to tag (tagging is the costly part).
  const terms = termsOf(text.split(/\s+/).slice(0, 12).join(" "));
  const first = terms[0]?.tags ?? [];
  if (first.includes("Determiner") && !first.includes("Possessive")) return finished(`${subject} ${be(name)} ${lowerFirst(text)}`);
  if (opensWithVerb(terms[0], terms[1])) return finished(`${subject} ${agree(name, lowerFirst(text))}`);
  // Only a noun phrase is a gloss; what opens otherwise ("In economics, GDP…") is left as written.
  // compromise reads "Total value of…", "Time after…", "Channel that…" as verbs; no definition opens with an order.
  const nounFirst = isNounish(first) || ["Imperative", "Infinitive", "Gerund"].some((t) => first.includes(t));
  if (!nounFirst || isSentence(terms)) return finished(capitalise(text));
  return finished(`${subject} ${be(name)} ${glossArticle(terms)}${lowerFirst(text)}`);
}

// A gloss that ends on one of these was cut mid-phrase.
const DANGLING = new Set(["the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "with", "which", "that", "is", "are", "was", "were", "be", "been", "by", "for", "from", "as", "its", "their", "his", "her", "into", "than", "but", "when", "where", "whose", "who", "such", "has", "have", "can", "may", "will", "not", "this", "these", "those", "each", "every", "both", "either", "between", "through", "because", "if", "while", "although", "including", "e.g", "i.e", "etc", "like", "very", "more", "most"]);

/** Cut: ends with an ellipsis, or without a full stop on a word or mark that cannot end a phrase. */
export function isCut(text: string): boolean {
  const t = text.trim();
  if (/(?:…|\.{3})["”’)\]]*$/.test(t)) return true;
  if (/[.!?]["”’)\]]*$/.test(t)) return false;
  const opened = (t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length;
  const quoted = (t.match(/"/g) ?? []).length % 2 === 1 || (t.match(/“/g) ?? []).length > (t.match(/”/g) ?? []).length;
  const last = t.split(/\s+/).pop()!.toLowerCase().replace(/[^\p{L}.]/gu, "").replace(/\.$/, "");
  return opened || quoted || /[,;:(\-–—/&]$/.test(t) || DANGLING.has(last);
}

/** The text opens with the concept's name (with an article or in the other number), then says something of it. */
function opensWithName(name: string, text: string): boolean {
  const bare = (s: string) => s.toLowerCase().replace(/^(?:the|an?)\s+/, "");
  const lower = bare(text);
  // Most glosses do not open with their name: the name's forms (which ask the tagger) only when they may.
  const stem = bare(name).split(/\s+/)[0].slice(0, 4);
  if (!lower.startsWith(stem)) return false;
  const form = nameForms(name).map(bare).find((f) => lower.startsWith(f) && /^(?:[\s,(:–—]|$)/.test(lower.slice(f.length)));
  if (form === undefined) return false;
  const rest = lower.slice(form.length).trim();
  if (/^[,(:–—]/.test(rest)) return true;
  const next = rest.split(/\s+/, 1)[0].replace(/[^\p{L}-]/gu, "");
  return GLOSS_VERB.test(next) || finiteAfterIt(next);
}

// "Glucose is…" reads on; "bond formed when…" is a gloss that happens to open with the name.
const finiteAfterIt = remembered((word) => isFiniteVerb(termsOf(`it ${word}`)[1]?.tags ?? []));

type Term = { word: string; tags: string[]; stops: boolean };

// compromise reads an opening "Helps…" or "Refers…" as a plural noun, so the usual verbs of a gloss are named.
const GLOSS_VERB = /^(?:is|are|has|have|can|may|refers?|describes?|means?|helps?|allows?|enables?|involves?|includes?|consists?|contains?|occurs?|measures?|represents?|indicates?|shows?|states?|explains?|causes?|produces?|makes?|gives?|provides?|results?|acts?|serves?|protects?|controls?|regulates?|carries|carry|transports?|stores?|converts?|breaks?|binds?|connects?|links?|separates?|surrounds?|covers?|determines?|affects?|increases?|decreases?|reduces?|maintains?|supports?|uses?|requires?|studies|examines?|predicts?|holds?|denotes?|defines?|comprises?|encompasses?)$/i;

function opensWithVerb(first: Term | undefined, next: Term | undefined): boolean {
  // "process by which…", "study of…": a noun before "of" or "by which" even when it can be a verb.
  if (!first || /^(?:of|by|in|through)$/i.test(next?.word ?? "")) return false;
  const word = first.word.replace(/[^\p{L}]/gu, "");
  // Beyond the list, only a verb in the third person: "time after…", "channel that…" are nouns.
  return GLOSS_VERB.test(word) || (isFiniteVerb(first.tags) && !first.tags.includes("Noun") && !first.tags.includes("Infinitive") && /[^s]s$/.test(word));
}

const isFiniteVerb = (tags: string[]) => tags.includes("Verb") && ["Copula", "Modal", "PresentTense", "Auxiliary"].some((t) => tags.includes(t)) && !tags.includes("Participle") && !tags.includes("Gerund");
const isNounish = (tags: string[]) => (tags.includes("Noun") || tags.includes("Adjective")) && !tags.includes("Pronoun") && !tags.includes("Determiner");
const CLAUSE_WORD = /^(?:that|which|who|whom|whose|where|when|whereby|because|while|if)$/i;

/** A sentence of its own: a finite verb in the main clause (a gloss has none: "bond formed when…", "cells that engulf…"). */
function isSentence(terms: Term[]): boolean {
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i];
    if (CLAUSE_WORD.test(t.word)) return false;
    if (isFiniteVerb(t.tags) && followsItsSubject(t, terms[i - 1])) return true;
    if (t.stops) return false;
  }
  return false;
}

/**
 * A verb follows a subject it agrees with: "plants convert", "GDP measures". After "and", "of" or
 * an adjective, or a base form after a singular ("cell type in…"), it is a noun misread.
 */
function followsItsSubject(verb: Term, before: Term): boolean {
  if (before.stops || !["Noun", "Pronoun", "Gerund"].some((t) => before.tags.includes(t))) return false;
  if (!verb.tags.includes("Infinitive") || verb.tags.includes("Copula") || verb.tags.includes("Modal")) return true;
  return before.tags.includes("Plural") || /^(?:they|we|you|i)$/i.test(before.word);
}

/**
 * The article a noun-phrase gloss needs: none for a plural or mass head ("cells that…",
 * "energy stored…"), "the" for one thing named by what follows ("the sum of…", "the process by
 * which…"), otherwise "a" ("a bond formed when…").
 */
function glossArticle(terms: Term[]): string {
  let end = 0;
  // The first word is the gloss's, whatever its tag ("process by which…").
  while (end < terms.length && (end === 0 || (isNounish(terms[end].tags) && !CLAUSE_WORD.test(terms[end].word)))) if (terms[end++].stops) break;
  const head = terms[Math.max(0, end - 1)].word;
  if (isPluralWord(head)) return "";
  const next = terms.slice(end, end + 2).map((t) => t.word.toLowerCase()).join(" ");
  const mass = isMass(terms.slice(0, end).map((t) => t.word).join(" "));
  // "the division of a nucleus", "the process by which…", but "a series of reactions", "learning in which…".
  if (/^of\b/.test(next) || (!mass && /^(?:by|in|through|to) which\b/.test(next))) return A_OF.has(head.toLowerCase()) ? `${anOrA(terms[0].word)} ` : "the ";
  return mass ? "" : `${anOrA(terms[0].word)} `;
}

// Heads that take "a" before "of" ("a kind of", "a branch of"); the others name one thing ("the sum of").
const A_OF = new Set(["kind", "type", "form", "sort", "class", "group", "set", "collection", "state", "condition", "measure", "unit", "branch", "piece", "part", "member", "period", "mixture", "combination", "pair", "network", "series", "sequence", "change", "increase", "decrease", "way", "method", "system", "substance", "molecule", "compound", "region", "layer", "structure", "cell", "organ", "tissue", "body", "area"]);

// "Organelle that…" → "organelle that…"; an acronym, a possessive ("Mendel's laws") or a known name stays.
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}*(?=[\s,;:]|$)/u.test(s) && !properFirst(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const properFirst = (s: string) => nlp(s.split(/\s+/)[0]).has("(#ProperNoun|#Person|#Place|#Organization|#Acronym)");

function termsOf(text: string): Term[] {
  type Json = { terms: { text: string; tags: string[]; post: string }[] };
  return (nlp(text).terms().json() as Json[]).map(({ terms: [t] }) => ({ word: t?.text ?? "", tags: t?.tags ?? [], stops: /[,;:()–—]/.test(t?.post ?? "") }));
}
