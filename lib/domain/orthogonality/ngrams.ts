// Word n-gram shingles hashed to numbers, so overlap is found with Map/Set lookups on numbers
// instead of building and comparing millions of joined strings.

/**
 * 13 words: the decontamination window of GPT-3 and most later reports. Long enough that a shared
 * run is almost never a stock phrase, short enough to catch a copied question stem.
 */
export const NGRAM_SIZE = 13;

/**
 * A text with MIN_SHORT_TOKENS..N-1 tokens contributes one shingle of its whole token list, as
 * GPT-3 lowered N to 8 for benchmarks of short items: a short question copied verbatim is still a
 * leak. Below 8 tokens a match is more likely a stock phrase than a leak, so such texts get none
 * (MinHash still sees them as near-duplicates when the whole text is the same).
 */
export const MIN_SHORT_TOKENS = 8;

/** Shingle length used for a text of tokenCount tokens: n, the whole text, or 0 (no shingles). */
export function shingleSize(tokenCount: number, n: number = NGRAM_SIZE): number {
  if (tokenCount >= n) return n;
  return tokenCount >= MIN_SHORT_TOKENS ? tokenCount : 0;
}

/** FNV-1a (32-bit) over UTF-16 code units: fast, non-cryptographic, stable across runs. */
export function hashToken(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Each token is hashed once; every window hash is then built from these, not from strings. */
export function hashTokens(tokens: readonly string[]): Uint32Array {
  const out = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = hashToken(tokens[i]);
  return out;
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * 32-bit order-sensitive hash of tokenHashes[start, start + length), MurmurHash3-style. The length
 * seeds the state so windows of different sizes over the same tokens do not coincide.
 */
export function windowHash32(th: Uint32Array, start: number, length: number): number {
  let h = 0x9747b28c ^ length;
  for (let i = start, end = start + length; i < end; i++) {
    h = (Math.imul(rotl(h ^ Math.imul(th[i], 0xcc9e2d51), 13), 5) + 0xe6546b64) | 0;
  }
  return fmix(h);
}

/**
 * 53-bit (safe integer) window hash from two differently-seeded lanes. The width keeps false hits
 * against a large index rare; they are harmless anyway because the gate re-compares the tokens.
 */
export function windowHash(th: Uint32Array, start: number, length: number): number {
  let h1 = 0x9747b28c ^ length;
  let h2 = 0x5bd1e995 ^ length;
  for (let i = start, end = start + length; i < end; i++) {
    const k = th[i];
    h1 = (Math.imul(rotl(h1 ^ Math.imul(k, 0xcc9e2d51), 13), 5) + 0xe6546b64) | 0;
    h2 = (Math.imul(rotl(h2 ^ Math.imul(k, 0x1b873593), 17), 9) + 0x7f4a7c15) | 0;
  }
  return (fmix(h2) >>> 11) * 0x100000000 + fmix(h1);
}

/** The set of n-gram hashes of a token list, following the short-text rule of shingleSize. */
export function ngramHashes(tokens: readonly string[], n: number = NGRAM_SIZE): Set<number> {
  const out = new Set<number>();
  const size = shingleSize(tokens.length, n);
  if (size === 0) return out;
  const th = hashTokens(tokens);
  for (let s = 0; s + size <= th.length; s++) out.add(windowHash(th, s, size));
  return out;
}
