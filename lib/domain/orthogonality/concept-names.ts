// Concept names found in a text as whole words, with the tolerance the structure itself uses to
// merge concepts (canonicalName: case, a leading article, a plural last word), so "Enzymes speed
// up reactions" names the concept "enzyme" but "enzymatic" and "coenzyme" do not.
import { canonicalName, singular } from "../knowledge/canonical";
import { ABSENT, createIntTable } from "./int-table";
import { hashToken } from "./ngrams";
import { normalizeText } from "./normalize";

const ARTICLES = new Set(["the", "a", "an"]);
// Words seen in instances are worked out once each; a long-lived index (one `proda check` over
// several training sets) must not grow without bound, so the memo starts over past this size.
const MEMO_LIMIT = 200_000;

export interface NameTable {
  /** The id of a name ("Enzymes" and "the enzyme" share one), or -1 for a name with no words. */
  add(name: string): number;
  /**
   * Adds to `found` the ids of the names in tokens[start, end): at each position the longest name
   * that starts there, then on after it, so "chemical energy" does not also name "energy".
   */
  find(tokens: readonly string[], start: number, end: number, found: Set<number>): void;
  /**
   * The same over a text held as word ids [start, end) of the caller's vocabulary, `word(id)` its
   * string: no array of strings is made for a text (the gate checks 160K instances this way).
   */
  findIds(ids: Int32Array, word: (id: number) => string, start: number, end: number, found: Set<number>): void;
}

/** What find() needs of one word of a text, worked out once a word. */
type Word = {
  /** the word itself: an id the caller's vocabulary gives to another word later is told apart by it */
  text: string;
  singular: string;
  /** hashToken of the word and of its singular, for the numeric lookup of names of several words */
  hash: number;
  singularHash: number;
  /** lengths of the names of two or more words that start with it, longest first */
  lengths: readonly number[];
  /** the one-word name it is, or -1 */
  id: number;
};
const NONE: readonly number[] = [];

// A name of several words as a number: its words' hashes folded in order, the last one's singular.
const SEED = 0x3c6ef372;
const fold = (h: number, wordHash: number) => Math.imul(h ^ wordHash, 0x01000193) + 0x7f4a7c15;
const finish = (h: number) => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
};

/**
 * canonicalName of one normalised token, which is its singular (only the last word of a name is
 * singularised). A token is lowercased letters and digits already: canonicalName of a plain ASCII
 * one is just its singular, without the regular expressions.
 */
const tokenSingular = (w: string): string => (/^[a-z0-9]+$/.test(w) ? singular(w) : canonicalName(w));

export function createNameTable(): NameTable {
  const ids = new Map<string, number>();
  const lengths = new Map<string, number[]>();
  // The id of each name as given: items along chains repeat their concepts' names.
  const added = new Map<string, number>();
  // One lookup a word of a text; out of date once a name is added (what a word names changes),
  // so find() starts it over after adds. The singular of a word never changes.
  const words = new Map<string, Word>();
  const singulars = new Map<string, string>();
  let stale = false;
  // Names of several words by their folded hash (findIds builds no string to look one up): the
  // first name with that hash, the next ones chained by id; each hit is checked word by word.
  const byHash = createIntTable(1 << 12);
  const sameHash: number[] = [];
  const nameWords: (readonly string[] | undefined)[] = [];
  // Filled densely (undefined up to the highest id seen) so it stays a fast array, not a dictionary.
  let byId: (Word | undefined)[] = [];
  const remember = (id: number, x: Word): Word => {
    while (byId.length <= id) byId.push(undefined);
    byId[id] = x;
    return x;
  };
  const makeWord = (w: string): Word => {
    const base = tokenSingular(w);
    return {
      text: w,
      singular: base,
      hash: hashToken(w),
      singularHash: hashToken(base),
      lengths: lengths.get(w) ?? NONE,
      id: ids.get(base) ?? -1,
    };
  };
  const word = (w: string): Word => {
    let x = words.get(w);
    if (x === undefined) {
      if (words.size >= MEMO_LIMIT) words.clear();
      x = makeWord(w);
      words.set(w, x);
    }
    return x;
  };
  const singularOf = (w: string): string => {
    let x = singulars.get(w);
    if (x === undefined) {
      if (singulars.size >= MEMO_LIMIT) singulars.clear();
      x = tokenSingular(w);
      singulars.set(w, x);
    }
    return x;
  };
  const keyOf = (tokens: readonly string[], start: number, length: number): string => {
    let key = "";
    for (let i = start; i < start + length - 1; i++) key += `${tokens[i]} `;
    return key + singularOf(tokens[start + length - 1]);
  };
  const fresh = () => {
    if (!stale) return;
    words.clear();
    byId = [];
    stale = false;
  };
  /** The name of `length` words at tokenIds[start], or -1. */
  const nameAt = (tokenIds: Int32Array, text: (id: number) => string, start: number, length: number): number => {
    const last = start + length - 1;
    let h = SEED ^ length;
    for (let i = start; i < last; i++) h = fold(h, wordOfId(tokenIds[i], text(tokenIds[i])).hash);
    const lastWord = wordOfId(tokenIds[last], text(tokenIds[last]));
    for (let id = byHash.get(finish(fold(h, lastWord.singularHash))); id !== ABSENT; id = sameHash[id]) {
      const name = nameWords[id]!;
      if (name.length !== length || name[length - 1] !== lastWord.singular) continue;
      let same = true;
      for (let i = 0; i < length - 1 && same; i++) same = name[i] === text(tokenIds[start + i]);
      if (same) return id;
    }
    return -1;
  };
  /** The word of a vocabulary id, memoised by id; `text` tells an id given to another word later apart. */
  const wordOfId = (id: number, text: string): Word => {
    const known = byId[id];
    return known !== undefined && known.text === text ? known : remember(id, makeWord(text));
  };

  function addName(name: string): number {
    const tokens = normalizeText(name);
    if (tokens.length > 1 && ARTICLES.has(tokens[0])) tokens.shift();
    if (tokens.length === 0) return -1;
    const key = keyOf(tokens, 0, tokens.length);
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = ids.size;
    ids.set(key, id);
    if (tokens.length > 1) {
      const list = lengths.get(tokens[0]) ?? [];
      if (!list.includes(tokens.length)) lengths.set(tokens[0], [...list, tokens.length].sort((a, b) => b - a));
      const last = tokens.length - 1;
      tokens[last] = singularOf(tokens[last]);
      let h = SEED ^ tokens.length;
      for (const t of tokens) h = fold(h, hashToken(t));
      h = finish(h);
      nameWords[id] = tokens;
      const first = byHash.get(h);
      sameHash[id] = first;
      byHash.set(h, id);
    }
    stale = true;
    return id;
  }

  return {
    add(name) {
      const before = added.get(name);
      if (before !== undefined) return before;
      const id = addName(name);
      if (added.size >= MEMO_LIMIT) added.clear();
      added.set(name, id);
      return id;
    },
    find(tokens, start, end, found) {
      fresh();
      for (let p = start; p < end; ) {
        const here = word(tokens[p]);
        let matched = 0;
        for (const length of here.lengths) {
          const id = length <= end - p ? ids.get(keyOf(tokens, p, length)) : undefined;
          if (id === undefined) continue;
          found.add(id);
          matched = length;
          break;
        }
        if (matched === 0 && here.id >= 0) found.add(here.id);
        p += matched || 1;
      }
    },
    findIds(tokenIds, text, start, end, found) {
      fresh();
      for (let p = start; p < end; ) {
        const here = wordOfId(tokenIds[p], text(tokenIds[p]));
        let matched = 0;
        for (const length of here.lengths) {
          if (length > end - p) continue;
          const id = nameAt(tokenIds, text, p, length);
          if (id < 0) continue;
          found.add(id);
          matched = length;
          break;
        }
        if (matched === 0 && here.id >= 0) found.add(here.id);
        p += matched || 1;
      }
    },
  };
}
