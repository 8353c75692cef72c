// The orthogonality gate: proves, instance by instance, that no benchmark item leaked into the
// training data, by exact 13-gram overlap (the usual decontamination test), MinHash similarity,
// and what the instance states of the item's chain (structure.ts).
import type { PathStep } from "../tester/types";
import type { Violation } from "./kinds";
import { createLshIndex, createMinHasher, jaccardEstimate } from "./minhash";
import { NGRAM_SIZE, hashTokens, shingleSize, windowHash } from "./ngrams";
import { normalizeSentences, normalizeText } from "./normalize";
import { createStructureIndex } from "./structure";

export type { Violation, ViolationKind } from "./kinds";
export type GateText = { id: string; text: string };
/** A benchmark item: its question and options as text, and the steps of its chain when known. */
export type GateItem = GateText & { path?: readonly PathStep[] };
/** A training instance: its text, and the concepts and relations it teaches when it is linked. */
export type GateInstance = GateText & { conceptIds?: readonly string[]; relationIds?: readonly string[] };
export type GateOptions = {
  /** n-gram length for the exact-overlap test; default NGRAM_SIZE (13). */
  ngram?: number;
  /** Estimated Jaccard of word 5-gram sets at or above which an LSH candidate is a near duplicate; default 0.8. */
  minhashThreshold?: number;
  /**
   * Violations kept per training instance; default 5. The text ones come first as they always
   * did (n-gram, then near duplicates by similarity), then the structural ones.
   */
  maxViolationsPerInstance?: number;
  /** The words of a predicate in structural violations ("converts_to" → "is converted into"); default: the name without underscores. */
  phrase?: (predicate: string) => string;
};
export interface BenchmarkIndex {
  readonly size: number;
  check(instance: GateInstance): Violation[];
}

const PREVIEW_CHARS = 200;

// Per item only what check() needs: the tokens (to confirm hash hits and build `shared`), not the text.
type Item = { id: string; tokens: string[]; size: number; ngrams: number; signature: Uint32Array | null };
type Hit = { matched: number; start: number; size: number };

function resolve(options: GateOptions): Required<Omit<GateOptions, "phrase">> {
  const { ngram = NGRAM_SIZE, minhashThreshold = 0.8, maxViolationsPerInstance = 5 } = options;
  if (!Number.isInteger(ngram) || ngram < 1) throw new RangeError(`ngram must be a positive integer, got ${ngram}`);
  if (!(minhashThreshold > 0 && minhashThreshold <= 1)) throw new RangeError(`minhashThreshold must be in (0, 1], got ${minhashThreshold}`);
  if (!Number.isInteger(maxViolationsPerInstance) || maxViolationsPerInstance < 1) {
    throw new RangeError(`maxViolationsPerInstance must be a positive integer, got ${maxViolationsPerInstance}`);
  }
  return { ngram, minhashThreshold, maxViolationsPerInstance };
}

function sameTokens(a: readonly string[], aStart: number, b: readonly string[], bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

function preview(tokens: readonly string[]): string {
  let out = "";
  for (const t of tokens) {
    out = out ? `${out} ${t}` : t;
    if (out.length >= PREVIEW_CHARS) break;
  }
  return out.slice(0, PREVIEW_CHARS);
}

export function createBenchmarkIndex(source: Iterable<GateItem>, options: GateOptions = {}): BenchmarkIndex {
  const opts = resolve(options);
  const structure = createStructureIndex({ phrase: options.phrase });
  const minhasher = createMinHasher();
  const lsh = createLshIndex();
  const items: Item[] = [];
  // n-gram hash -> flat [item, start, item, start, ...]; one posting per distinct n-gram of an item.
  const postings = new Map<number, number[]>();
  // Window sizes in use: N, plus the whole-text size of each short (8..N-1 token) item, which
  // check() must also slide over the instance.
  const sizes = new Set<number>([opts.ngram]);

  for (const { id, text, path } of source) {
    structure.add({ id, path });
    const tokens = normalizeText(text);
    const th = hashTokens(tokens);
    const index = items.length;
    const size = shingleSize(tokens.length, opts.ngram);
    const own = new Set<number>();
    for (let start = 0; size > 0 && start + size <= tokens.length; start++) {
      const h = windowHash(th, start, size);
      if (own.has(h)) continue;
      own.add(h);
      const list = postings.get(h);
      if (list) list.push(index, start);
      else postings.set(h, [index, start]);
    }
    if (size > 0) sizes.add(size);
    // An empty text has no shingles; its all-p signature would "match" every other empty text.
    const signature = tokens.length > 0 ? minhasher.signatureOfTokens(th) : null;
    if (signature) lsh.add(index, signature);
    items.push({ id, tokens, size, ngrams: own.size, signature });
  }
  const windowSizes = [...sizes].sort((a, b) => b - a);

  function ngramHits(tokens: string[], th: Uint32Array): Map<number, Hit> {
    const hits = new Map<number, Hit>();
    const seen = new Set<number>(); // an n-gram repeated in the instance counts once
    for (const size of windowSizes) {
      for (let start = 0; start + size <= tokens.length; start++) {
        const h = windowHash(th, start, size);
        const list = postings.get(h); // almost always a miss: the common path is one lookup
        if (!list || seen.has(h)) continue;
        seen.add(h);
        for (let p = 0; p < list.length; p += 2) {
          const item = items[list[p]];
          // Equal hashes are only candidates: the words themselves must match (no false positives).
          if (item.size !== size || !sameTokens(tokens, start, item.tokens, list[p + 1], size)) continue;
          const hit = hits.get(list[p]);
          if (hit) hit.matched++;
          else hits.set(list[p], { matched: 1, start, size });
        }
      }
    }
    return hits;
  }

  function check(instance: GateInstance): Violation[] {
    const { id, text } = instance;
    // The same tokens as normalizeText, with the sentence breaks the structural check reads.
    const sentences = normalizeSentences(text);
    const { tokens } = sentences;
    const th = hashTokens(tokens);
    const hits = ngramHits(tokens, th);
    const found: Array<Violation & { order: number }> = [];
    for (const [index, hit] of hits) {
      const item = items[index];
      const shared = tokens.slice(hit.start, hit.start + hit.size).join(" ");
      found.push({ trainingId: id, benchmarkId: item.id, kind: "ngram", shared, similarity: hit.matched / item.ngrams, order: index });
    }
    if (tokens.length > 0) {
      const signature = minhasher.signatureOfTokens(th);
      for (const index of lsh.candidates(signature)) {
        const item = items[index];
        if (hits.has(index) || !item.signature) continue; // an item that is both reports the n-gram only
        const similarity = jaccardEstimate(signature, item.signature);
        if (similarity < opts.minhashThreshold) continue;
        found.push({ trainingId: id, benchmarkId: item.id, kind: "near-duplicate", shared: preview(item.tokens), similarity, order: index });
      }
    }
    // Exact overlap is the stronger evidence, so it comes first; then the most similar items.
    found.sort((a, b) => (a.kind === b.kind ? b.similarity - a.similarity || a.order - b.order : a.kind === "ngram" ? -1 : 1));
    const byText = found.slice(0, opts.maxViolationsPerInstance).map(({ order: _order, ...v }): Violation => v);
    if (byText.length === opts.maxViolationsPerInstance || structure.size === 0) return byText;
    return [...byText, ...structure.check(instance, sentences)].slice(0, opts.maxViolationsPerInstance);
  }

  return { size: items.length, check };
}

export function checkOrthogonality(
  training: Iterable<GateInstance>,
  benchmark: Iterable<GateItem>,
  options: GateOptions = {},
): { checked: number; violations: Violation[] } {
  const index = createBenchmarkIndex(benchmark, options);
  const violations: Violation[] = [];
  let checked = 0;
  for (const instance of training) {
    checked++;
    for (const v of index.check(instance)) violations.push(v);
  }
  return { checked, violations };
}
