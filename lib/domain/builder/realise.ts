import { agree, be, capitalise, isPlural } from "../knowledge/phrasing";
import type { Predicate } from "../knowledge/types";
import { DEFAULT_PREDICATES } from "../knowledge/vocabulary";
import { isCountable, pluralOf, singularOf, withArticle } from "./noun-forms";

/**
 * The sentence realiser: one L2 relation as one grammatical English statement, read forwards
 * (subject first) or backwards (object first), and the prompt that asks for it. The concept
 * asked for always comes last, so the prompt is the statement cut before it and the completion
 * is the whole statement.
 */

export type Direction = "forwards" | "backwards";
export type Triple = { subject: string; predicate: string; object: string };
export type Realisation = {
  /** the statement without its capital and full stop, to stand inside another sentence */
  clause: string;
  /** "A neutrophil is a kind of phagocytic cell." */
  statement: string;
  /** "Complete the statement: A neutrophil is a kind of …" */
  prompt: string;
};

/** What the prompt gives, and the noun phrase it asks for. */
type Parts = readonly [given: string, asked: string];
type Template = { forwards(s: string, o: string): Parts; backwards(s: string, o: string): Parts };
type Noun = (name: string) => string;

const a: Noun = (n) => withArticle(n, "a");
const the: Noun = (n) => withArticle(n, "the");

/** "S verb O" forwards and "O passive S" backwards, each side with its own article. */
const simple = (verb: string, passive: string, subject: Noun, object: Noun): Template => ({
  forwards: (s, o) => [`${subject(s)} ${agree(s, verb)}`, object(o)],
  backwards: (s, o) => [`${object(o)} ${agree(o, passive)}`, subject(s)],
});

const TEMPLATES: Record<string, Template> = {
  // "A neutrophil is a kind of phagocytic cell." / "One kind of phagocytic cell is the neutrophil."
  is_a: {
    forwards: (s, o) => [`${a(s)} ${be(s)} a kind of`, singularOf(o)],
    backwards: (s, o) => (isPlural(s) ? [`kinds of ${singularOf(o)} include`, s] : [`one kind of ${singularOf(o)} is`, the(s)]),
  },
  // "The phospholipid bilayer is part of the cell membrane." / "One part of the cell membrane is the phospholipid bilayer."
  part_of: {
    forwards: (s, o) => [`${the(s)} ${be(s)} part of`, the(o)],
    backwards: (s, o) => (isPlural(s) ? [`parts of ${the(o)} include`, s] : [`one part of ${the(o)} is`, the(s)]),
  },
  // "Mitochondria are examples of organelles." / "Organelles include mitochondria."
  example_of: {
    forwards: (s, o) => (isPlural(s) ? [`${s} are examples of`, pluralOf(o)] : [`${the(s)} is an example of`, a(singularOf(o))]),
    backwards: (s, o) => (isCountable(o) ? [`${pluralOf(o)} include`, the(s)] : [`examples of ${o} include`, the(s)]),
  },
  consists_of: simple("consists of", "makes up", the, a),
  contains: simple("contains", "is found in", the, a),
  causes: simple("causes", "is caused by", a, a),
  produces: simple("produces", "is produced by", the, a),
  converts_to: simple("is converted into", "results from the conversion of", the, a),
  increases: simple("increases", "is increased by", the, the),
  decreases: simple("decreases", "is reduced by", the, the),
  requires: simple("requires", "is required for", the, a),
  enables: simple("enables", "is made possible by", the, the),
  regulates: simple("regulates", "is regulated by", the, the),
  located_in: simple("is located in", "is the location of", the, the),
  leads_to: simple("leads to", "results from", a, a),
  uses: simple("uses", "is used by", the, a),
  measures: simple("measures", "is measured by", a, the),
  describes: simple("describes", "is described by", the, the),
  influences: simple("influences", "is influenced by", the, the),
  transports: simple("transports", "is transported by", the, a),
  binds_to: simple("binds to", "is bound by", the, the),
};

const KIND_OF = /\b(?:kinds?|types?|forms?|sorts?|class(?:es)?|variet(?:y|ies)) of$/;
const DEFAULT_PHRASE = new Map(DEFAULT_PREDICATES.map((p) => [p.name, p.phrase]));

/** The predicates the realiser has its own wording for. */
export const REALISED_PREDICATES = Object.keys(TEMPLATES);

/** How a predicate missing from the vocabulary reads: its own name. */
export const fallbackPhrasing = (name: string): Predicate => ({ name, phrase: name.replace(/_/g, " "), inverse: `is the object of ${name.replace(/_/g, " ")}` });

/**
 * The wording for a predicate: its own template while the discipline's vocabulary means what the
 * default vocabulary means by it; an expert's own predicate, or a default one given another
 * phrase, reads with the vocabulary's `phrase` and `inverse`.
 */
function templateFor(predicate: string, phrasing?: Predicate): Template {
  const own = TEMPLATES[predicate];
  if (own && (!phrasing || phrasing.phrase === DEFAULT_PHRASE.get(predicate))) return own;
  const p = phrasing ?? fallbackPhrasing(predicate);
  // "is a type of protein", not "is a type of the protein".
  const after = (phrase: string): Noun => (KIND_OF.test(phrase) ? singularOf : the);
  return {
    forwards: (s, o) => [`${the(s)} ${agree(s, p.phrase)}`, after(p.phrase)(o)],
    backwards: (s, o) => [`${the(o)} ${agree(o, p.inverse)}`, after(p.inverse)(s)],
  };
}

/** One relation as a statement and its prompt, forwards (asks for the object) or backwards (asks for the subject). */
export function realise(triple: Triple, direction: Direction, phrasing?: Predicate): Realisation {
  const [given, asked] = templateFor(triple.predicate, phrasing)[direction](triple.subject.trim(), triple.object.trim());
  const clause = `${given} ${asked}`.replace(/[.!?]+$/, "");
  return { clause, statement: `${capitalise(clause)}.`, prompt: `Complete the statement: ${capitalise(given)} …` };
}
