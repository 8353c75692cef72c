// Concept names found in a text as whole words, with the tolerance the structure itself uses to
// merge concepts (canonicalName: case, a leading article, a plural last word), so "Enzymes speed
// up reactions" names the concept "enzyme" but "enzymatic" and "coenzyme" do not.
import { canonicalName } from "../knowledge/canonical";
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
  /** lengths of the names of two or more words that start with it, longest first */
  lengths: readonly number[];
  /** the one-word name it is, or -1 */
  id: number;
};
const NONE: readonly number[] = [];

export function createNameTable(): NameTable {
  const ids = new Map<string, number>();
  const lengths = new Map<string, number[]>();
  // One lookup a word of a text; cleared when a name is added, since what a word names changes.
  const words = new Map<string, Word>();
  // Filled densely (undefined up to the highest id seen) so it stays a fast array, not a dictionary.
  let byId: (Word | undefined)[] = [];
  const remember = (id: number, x: Word): Word => {
    while (byId.length <= id) byId.push(undefined);
    byId[id] = x;
    return x;
  };
  const word = (w: string): Word => {
    let x = words.get(w);
    if (x === undefined) {
      if (words.size >= MEMO_LIMIT) words.clear();
      // canonicalName of one normalised token is its singular: only the last word is singularised
      const singular = canonicalName(w);
      x = { text: w, singular, lengths: lengths.get(w) ?? NONE, id: ids.get(singular) ?? -1 };
      words.set(w, x);
    }
    return x;
  };
  const keyOf = (tokens: readonly string[], start: number, length: number): string => {
    let key = "";
    for (let i = start; i < start + length - 1; i++) key += `${tokens[i]} `;
    return key + word(tokens[start + length - 1]).singular;
  };
  const keyOfIds = (tokenIds: Int32Array, text: (id: number) => string, start: number, length: number): string => {
    let key = "";
    for (let i = start; i < start + length - 1; i++) key += `${text(tokenIds[i])} `;
    return key + word(text(tokenIds[start + length - 1])).singular;
  };
  /** The word of a vocabulary id, memoised by id; `text` tells an id given to another word later apart. */
  const wordOfId = (id: number, text: string): Word => {
    const known = byId[id];
    return known !== undefined && known.text === text ? known : remember(id, word(text));
  };

  return {
    add(name) {
      const tokens = normalizeText(name);
      if (tokens.length > 1 && ARTICLES.has(tokens[0])) tokens.shift();
      if (tokens.length === 0) return -1;
      const key = keyOf(tokens, 0, tokens.length);
      const known = ids.get(key);
      if (known !== undefined) return known;
      ids.set(key, ids.size);
      if (tokens.length > 1) {
        const list = lengths.get(tokens[0]) ?? [];
        if (!list.includes(tokens.length)) lengths.set(tokens[0], [...list, tokens.length].sort((a, b) => b - a));
      }
      words.clear();
      byId = [];
      return ids.size - 1;
    },
    find(tokens, start, end, found) {
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
      for (let p = start; p < end; ) {
        const here = wordOfId(tokenIds[p], text(tokenIds[p]));
        let matched = 0;
        for (const length of here.lengths) {
          const id = length <= end - p ? ids.get(keyOfIds(tokenIds, text, p, length)) : undefined;
          if (id === undefined) continue;
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
