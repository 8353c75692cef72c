// The orthogonality gate: proves, instance by instance, that no benchmark item leaked into the
// training data, by exact 13-gram overlap (the usual decontamination test), MinHash similarity,
// and what the instance states of the item's chain (structure.ts).
import type { PathStep } from "../tester/types";
import { NO_VIOLATIONS, type Violation } from "./kinds";
import { NGRAM_SIZE } from "./ngrams";
import { createNgramIndex } from "./ngram-index";
import { createNearDuplicateIndex } from "./near-duplicates";
import { createStructureIndex } from "./structure";
import { createTokenizer } from "./tokenizer";

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
  /** The instance's violations, at most maxViolationsPerInstance; read-only (often one shared empty list). */
  check(instance: GateInstance): readonly Violation[];
}

const PREVIEW_CHARS = 200;
const ID_CHUNK = 1 << 16;

// Per item only what check() needs: its word ids (to confirm hits and show `shared`), not its text.
type Item = { id: string; ids: Int32Array; ngrams: number };

function resolve(options: GateOptions): Required<Omit<GateOptions, "phrase">> {
  const { ngram = NGRAM_SIZE, minhashThreshold = 0.8, maxViolationsPerInstance = 5 } = options;
  if (!Number.isInteger(ngram) || ngram < 1) throw new RangeError(`ngram must be a positive integer, got ${ngram}`);
  if (!(minhashThreshold > 0 && minhashThreshold <= 1)) throw new RangeError(`minhashThreshold must be in (0, 1], got ${minhashThreshold}`);
  if (!Number.isInteger(maxViolationsPerInstance) || maxViolationsPerInstance < 1) {
    throw new RangeError(`maxViolationsPerInstance must be a positive integer, got ${maxViolationsPerInstance}`);
  }
  return { ngram, minhashThreshold, maxViolationsPerInstance };
}

export function createBenchmarkIndex(source: Iterable<GateItem>, options: GateOptions = {}): BenchmarkIndex {
  const opts = resolve(options);
  const structure = createStructureIndex({ phrase: options.phrase });
  const tokenizer = createTokenizer();
  const ngrams = createNgramIndex(opts.ngram);
  const nearDuplicates = createNearDuplicateIndex();
  const items: Item[] = [];
  // The items' word ids, copied into shared chunks: a typed array of its own per item costs a
  // buffer each, about ten times a view into a chunk.
  let chunk = new Int32Array(ID_CHUNK);
  let used = 0;
  const keepIds = (ids: Int32Array, length: number): Int32Array => {
    if (used + length > chunk.length) {
      chunk = new Int32Array(Math.max(ID_CHUNK, length));
      used = 0;
    }
    chunk.set(ids.subarray(0, length), used);
    used += length;
    return chunk.subarray(used - length, used);
  };

  for (const { id, text, path } of source) {
    structure.add({ id, path });
    const { length, ids, hashes } = tokenizer.tokenize(text);
    const index = items.length;
    const own = keepIds(ids, length);
    nearDuplicates.add(index, hashes.subarray(0, length)); // read, not kept
    items.push({ id, ids: own, ngrams: ngrams.add(index, own) });
  }
  // Words only instances use are forgotten past a limit; the items' are needed for good.
  tokenizer.keepKnownWords();

  const words = (ids: Int32Array, start: number, end: number): string => {
    let out = "";
    for (let i = start; i < end; i++) out = i > start ? `${out} ${tokenizer.word(ids[i])}` : tokenizer.word(ids[i]);
    return out;
  };
  /** The start of an item's normalised text, whole words while under PREVIEW_CHARS. */
  const preview = (ids: Int32Array): string => {
    let out = "";
    for (let i = 0; i < ids.length && out.length < PREVIEW_CHARS; i++) out = out ? `${out} ${tokenizer.word(ids[i])}` : tokenizer.word(ids[i]);
    return out.slice(0, PREVIEW_CHARS);
  };

  function check(instance: GateInstance): readonly Violation[] {
    const { id, text } = instance;
    const tokenized = tokenizer.tokenize(text);
    const { length, ids, hashes } = tokenized;
    const hits = ngrams.hits(ids, length);
    const near = nearDuplicates.find(hashes, length, opts.minhashThreshold, hits);
    let byText = NO_VIOLATIONS;
    if (hits || near.length > 0) {
      const found: Array<Violation & { order: number }> = [];
      for (const [index, hit] of hits ?? []) {
        const item = items[index];
        found.push({ trainingId: id, benchmarkId: item.id, kind: "ngram", shared: words(ids, hit.start, hit.start + hit.size), similarity: hit.matched / item.ngrams, order: index });
      }
      // an item that is both reports the n-gram only (find() leaves out the hits)
      for (const { item: index, similarity } of near) {
        found.push({ trainingId: id, benchmarkId: items[index].id, kind: "near-duplicate", shared: preview(items[index].ids), similarity, order: index });
      }
      // Exact overlap is the stronger evidence, so it comes first; then the most similar items.
      found.sort((a, b) => (a.kind === b.kind ? b.similarity - a.similarity || a.order - b.order : a.kind === "ngram" ? -1 : 1));
      byText = found.slice(0, opts.maxViolationsPerInstance).map(({ order: _order, ...v }): Violation => v);
    }
    if (byText.length === opts.maxViolationsPerInstance || structure.size === 0) return byText;
    // The structural check reads the words sentence by sentence, by their ids (no strings made).
    const structural = structure.check(instance, { ids, length, starts: tokenized.starts, word: tokenizer.word });
    if (byText.length === 0) return structural.length <= opts.maxViolationsPerInstance ? structural : structural.slice(0, opts.maxViolationsPerInstance);
    return [...byText, ...structural].slice(0, opts.maxViolationsPerInstance);
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
