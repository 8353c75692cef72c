import { BREAK, contentOf, isContent, overlap } from "./words";

/**
 * One statement read as "<concept> <relation> <object>" against what a hop asks: the concept
 * reached so far and the relation the question says next. Direction matters: the concept must
 * stand before the relation's words and the answer after them, as the statement was written, so
 * "Sunlight is converted into light energy" does not answer "light energy is converted into …"
 * (running a relation backwards is exactly the Tester's INVREL distractor).
 */
export type Reading = {
  /** how well the statement's subject is the concept asked about (0 to 1) */
  score: number;
  /** the words after the relation, up to the end of that noun phrase */
  object: string[];
};

/** Words of an object phrase at most: beyond that it is a clause, not a name. */
const MAX_OBJECT = 8;
/** A subject that shares less than this with the concept is another concept. */
const MIN_MATCH = 0.5;

/**
 * Reads `statement` (tokens) for `concept` followed by `phrase`. When the phrase is not known
 * (the question's first clause runs the start and its relation together), every split of the
 * clause into concept and relation is tried and the best kept.
 */
export function readStatement(statement: readonly string[], concept: readonly string[], phrase: readonly string[] | null): Reading | null {
  if (phrase) return readWith(statement, contentOf(concept), phrase);
  let best: Reading | null = null;
  for (let j = 1; j < concept.length; j++) {
    const tail = concept.slice(j);
    if (!tail.some(isContent)) continue;
    const r = readWith(statement, contentOf(concept.slice(0, j)), tail);
    if (r && (!best || r.score > best.score)) best = r;
  }
  return best;
}

function readWith(statement: readonly string[], concept: readonly string[], phrase: readonly string[]): Reading | null {
  if (concept.length === 0 || phrase.length === 0) return null;
  let best: Reading | null = null;
  for (const at of occurrences(statement, phrase)) {
    const score = overlap(concept, contentOf(clauseBefore(statement, at)));
    if (score < MIN_MATCH || (best && score <= best.score)) continue;
    const object = objectAfter(statement, at + phrase.length);
    if (contentOf(object).length) best = { score, object };
  }
  return best;
}

function occurrences(tokens: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) continue outer;
    found.push(i);
  }
  return found;
}

/** The words of the clause before `at`: back to the last break ("In short, light energy…" → "light energy"). */
function clauseBefore(tokens: readonly string[], at: number): readonly string[] {
  let from = at;
  while (from > 0 && tokens[from - 1] !== BREAK) from--;
  return tokens.slice(from, at);
}

/** The noun phrase from `at` to the next break, without small words at its ends. */
function objectAfter(tokens: readonly string[], at: number): string[] {
  let to = at;
  while (to < tokens.length && tokens[to] !== BREAK && to - at < MAX_OBJECT) to++;
  const words = tokens.slice(at, to);
  while (words.length && !isContent(words[0])) words.shift();
  while (words.length && !isContent(words[words.length - 1])) words.pop();
  return words;
}
