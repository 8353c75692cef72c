// normalizeSentences (normalize.ts) as the gate's hot path needs it: each word of a text becomes
// an integer id in a vocabulary shared by the items and the instances, with the FNV-1a hash of
// the word (ngrams.ts hashToken, what MinHash shingles are built from), in reused typed arrays.
// Plain ASCII text, with the few typographic marks the Builder and the Tester write, is scanned
// once by character codes, lowercasing and hashing on the way and creating no string for a word
// already known; any other text goes through normalizeSentences (NFKC and Unicode classes) and
// its words are looked up by their strings. Both give exactly normalizeSentences' tokens and
// sentence starts (tokenizer.test.ts compares them).
import { hashToken } from "./ngrams";
import { normalizeSentences } from "./normalize";

/** A tokenised text in the tokenizer's buffers: valid until its next tokenize(). */
export type TokenizedText = {
  readonly length: number;
  /** word ids, [0, length) */
  readonly ids: Int32Array;
  /** FNV-1a of each word, [0, length) */
  readonly hashes: Uint32Array;
  /** where each sentence starts in the tokens (ascending; the first is 0), as in SentenceTokens */
  readonly starts: readonly number[];
};

export interface Tokenizer {
  tokenize(text: string): TokenizedText;
  /** The word of an id. */
  word(id: number): string;
  /** Words known now (the items') stay for good; words added later are forgotten past TRANSIENT_WORDS_LIMIT. */
  keepKnownWords(): void;
}

// Instance words no item uses are only needed while their instance is checked. A long-lived index
// (one `proda check` over several training sets) forgets them past this many, as concept-names.ts
// does with its memo, so the vocabulary cannot grow without bound.
const TRANSIENT_WORDS_LIMIT = 200_000;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Character classes of the fast scan, by code unit below 128: 1 letter or digit, 2 \s, 0 other. */
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = 1;
for (let c = 65; c <= 90; c++) ASCII[c] = 1;
for (let c = 97; c <= 122; c++) ASCII[c] = 1;
for (const c of [9, 10, 11, 12, 13, 32]) ASCII[c] = 2;

// Beyond ASCII, only marks that NFKC leaves as they are or turns into ASCII punctuation, that are
// neither letters nor digits nor white space, and that compose with nothing: dashes and curly
// quotes, and the ellipsis, which NFKC makes "..." (so it can end a sentence like a full stop).
const ELLIPSIS = 0x2026;
const isTypographicMark = (c: number) => c === 0x2013 || c === 0x2014 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === ELLIPSIS;
const endsSentenceBeforeSpace = (c: number) => c === 46 || c === 33 || c === 63 || c === ELLIPSIS; // . ! ? …

export function createTokenizer(options: { transientWordsLimit?: number } = {}): Tokenizer {
  const transientLimit = options.transientWordsLimit ?? TRANSIENT_WORDS_LIMIT;
  const words: string[] = [];
  let wordHashes = new Int32Array(1024);
  // open addressing on the word's FNV hash: [hash, id + 1] a slot (0: empty), side by side so a
  // probe reads one place in memory; equal hashes are told apart by the words
  let slots = new Int32Array(2 * 4096);
  let kept = 0;

  let ids = new Int32Array(256);
  let hashes = new Uint32Array(256);
  const starts: number[] = [0];
  let length = 0;
  const out: TokenizedText = {
    get length() {
      return length;
    },
    get ids() {
      return ids;
    },
    get hashes() {
      return hashes;
    },
    starts,
  };

  function reserve(tokens: number): void {
    if (tokens <= ids.length) return;
    const size = 1 << Math.ceil(Math.log2(tokens));
    ids = new Int32Array(size);
    hashes = new Uint32Array(size);
  }

  function place(id: number): void {
    const mask = (slots.length >> 1) - 1;
    let s = wordHashes[id] & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = wordHashes[id];
    slots[2 * s + 1] = id + 1;
  }

  function rehash(capacity: number): void {
    slots = new Int32Array(2 * capacity);
    for (let id = 0; id < words.length; id++) place(id);
  }

  function addWord(word: string, hash: number): number {
    const id = words.length;
    words.push(word);
    if (id === wordHashes.length) {
      const more = new Int32Array(id * 2);
      more.set(wordHashes);
      wordHashes = more;
    }
    wordHashes[id] = hash;
    if (words.length * 2 > slots.length >> 1) rehash(slots.length);
    else place(id);
    return id;
  }

  /** The id of the lowercased text[begin, end), whose FNV-1a is hash; added when new. */
  function idOfSpan(text: string, begin: number, end: number, hash: number): number {
    const mask = (slots.length >> 1) - 1;
    const n = end - begin;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const v = slots[2 * s + 1];
      if (v === 0) break;
      if (slots[2 * s] !== hash) continue;
      const w = words[v - 1];
      if (w.length !== n) continue;
      let same = true;
      for (let i = 0; i < n; i++) {
        let c = text.charCodeAt(begin + i);
        if (c >= 65 && c <= 90) c += 32;
        if (w.charCodeAt(i) !== c) {
          same = false;
          break;
        }
      }
      if (same) return v - 1;
    }
    return addWord(text.slice(begin, end).toLowerCase(), hash);
  }

  function idOfWord(word: string): number {
    const hash = hashToken(word) | 0;
    const mask = (slots.length >> 1) - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const v = slots[2 * s + 1];
      if (v === 0) break;
      if (slots[2 * s] === hash && words[v - 1] === word) return v - 1;
    }
    return addWord(word, hash);
  }

  /** The fast scan; false when the text holds a character only normalizeSentences can read. */
  function scanPlain(text: string): boolean {
    const n = text.length;
    reserve((n >> 1) + 1);
    length = 0;
    starts.length = 1;
    let stop = false; // the gap since the last token holds /[.!?]\s|\n/
    let afterMark = false; // the last character was . ! ? or …
    for (let i = 0; i < n; ) {
      let c = text.charCodeAt(i);
      if (c < 128 && ASCII[c] === 1) {
        const begin = i;
        let h = FNV_OFFSET;
        do {
          if (c <= 90 && c >= 65) c += 32;
          h = Math.imul(h ^ c, FNV_PRIME);
          c = ++i < n ? text.charCodeAt(i) : 0;
        } while (c < 128 && ASCII[c] === 1 && i < n);
        if (stop && length > 0) starts.push(length);
        stop = false;
        afterMark = false;
        ids[length] = idOfSpan(text, begin, i, h);
        hashes[length] = h;
        length++;
        continue;
      }
      if (c >= 128 && !isTypographicMark(c)) return false;
      if (c === 10 || (afterMark && c < 128 && ASCII[c] === 2)) stop = true;
      afterMark = endsSentenceBeforeSpace(c);
      i++;
    }
    return true;
  }

  function scanNormalized(text: string): void {
    const sentences = normalizeSentences(text);
    reserve(sentences.tokens.length);
    length = sentences.tokens.length;
    for (let k = 0; k < length; k++) {
      const id = idOfWord(sentences.tokens[k]);
      ids[k] = id;
      hashes[k] = wordHashes[id];
    }
    starts.length = 0;
    for (const s of sentences.starts) starts.push(s);
  }

  function forgetTransientWords(): void {
    words.length = kept;
    rehash(slots.length >> 1);
  }

  return {
    tokenize(text) {
      if (words.length - kept > transientLimit) forgetTransientWords();
      if (!scanPlain(text)) scanNormalized(text);
      return out;
    },
    word: (id) => words[id],
    keepKnownWords() {
      kept = words.length;
    },
  };
}
