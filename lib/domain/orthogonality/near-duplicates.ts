// The near-duplicate half of the gate: MinHash signatures of word 5-gram shingles and LSH banding
// (minhash.ts), with a filter in front that gives the same answers for a fraction of the work.
//
// A signature costs 128 permutations per shingle, and nearly every instance shares too little
// with any item to be near it. Each permutation is a bijection of [0, p), so an instance agrees
// with an item in slot i only if it holds the item's witness of slot i (the shingle value that
// slot's minimum came from). Counting, per item, the slots whose witness the instance holds is
// therefore an upper bound on the slots they share; an item whose bound is below the threshold
// cannot be reported, whatever LSH would say. Only for the items that reach it is the instance's
// signature computed and checked exactly as before (a shared LSH bucket, then the estimate).
//
// Stock phrases ("is a kind of which") are witnesses in thousands of items. Their lists are not
// walked while the most slots any one item holds in all of them together stays below the
// threshold: an item can then reach it only through a rarer witness, and an item met in a rarer
// list has its slots in the common ones looked up in its own runs (its distinct witnesses).
import { createIntTable, ABSENT } from "./int-table";
import { MINHASH_SHINGLE_SIZE, jaccardEstimate, modPrime32, shareBucket, createMinHasher } from "./minhash";
import { windowHash32 } from "./ngrams";
import { grown } from "./typed-arrays";

export type NearDuplicate = { item: number; similarity: number };

export interface NearDuplicateIndex {
  /** Indexes item number `item` by the FNV hashes of its words (none: it is never a near duplicate). */
  add(item: number, tokenHashes: Uint32Array): void;
  /**
   * Items whose estimated Jaccard with tokenHashes[0, length) is at least `threshold`, ascending,
   * leaving out those `skip` names (the ones already reported as n-gram overlaps).
   */
  find(tokenHashes: Uint32Array, length: number, threshold: number, skip: ReadonlyMap<number, unknown> | null): readonly NearDuplicate[];
}

const NONE: readonly NearDuplicate[] = [];

export function createNearDuplicateIndex(): NearDuplicateIndex {
  const minhasher = createMinHasher();
  const k = minhasher.permutations;
  // The items' signatures side by side, k slots an item (one buffer, not one per item); an
  // item without shingles has none.
  let signatures = new Uint32Array(k * 1024);
  const witnesses = new Uint32Array(k);
  // Every item's distinct witnesses (as entries) with the slots each holds, one run an item in
  // add() order (itemRuns[item] = [start, end) in them).
  let runEntry = new Int32Array(1 << 16);
  let runSlots = new Uint8Array(1 << 16);
  let runItem = new Int32Array(1 << 16);
  let runLength = 0;
  const itemRuns: number[] = [];
  // witness value -> entry; per entry how many items hold it and the most slots one of them does
  const byWitness = createIntTable(1 << 16);
  let entries = 0;
  let entryItems = new Int32Array(1 << 14);
  let mostSlots = new Uint8Array(1 << 14);
  let slotCount = new Uint8Array(1 << 14); // add()'s count per entry, back to 0 after each item
  const itemEntries: number[] = [];
  // The runs regrouped by entry, made when find() first needs them: entry e's [item, slots]
  // pairs are at [offsets[e], offsets[e + 1]) of postingItem and postingSlots.
  let offsets = new Int32Array(1);
  let postingItem = new Int32Array(0);
  let postingSlots = new Uint8Array(0);
  let grouped = 0; // runLength when they were made
  const met: number[] = []; // the entries an instance's shingles meet
  let bound = new Int32Array(1024); // per item, reset after each find()
  const touched: number[] = [];
  const reached: number[] = []; // the items whose bound reaches the threshold
  const shingles: number[] = [];

  function group(): void {
    offsets = new Int32Array(entries + 1);
    for (let e = 0; e < entries; e++) offsets[e + 1] = offsets[e] + entryItems[e];
    const next = offsets.slice(0, entries);
    postingItem = new Int32Array(runLength);
    postingSlots = new Uint8Array(runLength);
    for (let r = 0; r < runLength; r++) {
      const at = next[runEntry[r]]++;
      postingItem[at] = runItem[r];
      postingSlots[at] = runSlots[r];
    }
    grouped = runLength;
  }

  /** The slots of an item whose witness is one of the unwalked entries met[0, first). */
  function slotsIn(item: number, first: number): number {
    let total = 0;
    for (let m = 0; m < first; m++) {
      const entry = met[m];
      for (let r = itemRuns[2 * item], end = itemRuns[2 * item + 1]; r < end; r++) {
        if (runEntry[r] !== entry) continue;
        total += runSlots[r];
        break;
      }
    }
    return total;
  }

  function newEntry(witness: number): number {
    if (entries === entryItems.length) {
      entryItems = grown(entryItems, new Int32Array(entries * 2));
      mostSlots = grown(mostSlots, new Uint8Array(entries * 2));
      slotCount = grown(slotCount, new Uint8Array(entries * 2));
    }
    byWitness.set(witness, entries);
    return entries++;
  }

  function shinglesOf(th: Uint32Array, length: number): number[] {
    shingles.length = 0;
    const size = Math.min(MINHASH_SHINGLE_SIZE, length);
    for (let s = 0; size > 0 && s + size <= length; s++) shingles.push(modPrime32(windowHash32(th, s, size)));
    return shingles;
  }

  return {
    add(item, th) {
      if (item >= bound.length) {
        const size = Math.max(item + 1, bound.length * 2);
        bound = grown(bound, new Int32Array(size));
        signatures = grown(signatures, new Uint32Array(size * k));
      }
      // An empty text has no shingles; its all-p signature would "match" every other empty text.
      if (th.length === 0) return;
      minhasher.signatureOfTokens(th, witnesses, signatures.subarray(item * k, item * k + k));
      if (runLength + k > runEntry.length) {
        const size = runEntry.length * 2;
        runEntry = grown(runEntry, new Int32Array(size));
        runSlots = grown(runSlots, new Uint8Array(size));
        runItem = grown(runItem, new Int32Array(size));
      }
      // Slots counted per entry (witness), then one run an entry, in the order first met.
      for (let i = 0; i < k; i++) {
        let entry = byWitness.get(witnesses[i]);
        if (entry === ABSENT) entry = newEntry(witnesses[i]);
        if (slotCount[entry]++ === 0) itemEntries.push(entry);
      }
      itemRuns[2 * item] = runLength;
      for (const entry of itemEntries) {
        const slots = slotCount[entry];
        slotCount[entry] = 0;
        entryItems[entry]++;
        if (slots > mostSlots[entry]) mostSlots[entry] = slots;
        runEntry[runLength] = entry;
        runSlots[runLength] = slots;
        runItem[runLength++] = item;
      }
      itemEntries.length = 0;
      itemRuns[2 * item + 1] = runLength;
    },

    find(th, length, threshold, skip) {
      if (length === 0) return NONE;
      // the fewest shared slots whose share passes: same / k >= threshold, the estimate's own test
      let need = Math.min(k + 1, Math.max(0, Math.ceil(threshold * k) - 1));
      while (need <= k && need / k < threshold) need++;
      const xs = shinglesOf(th, length);
      met.length = 0;
      for (let s = 0; s < xs.length; s++) {
        const entry = byWitness.get(xs[s]);
        if (entry !== ABSENT && !met.includes(entry)) met.push(entry); // a shingle repeated in the text counts once
      }
      if (met.length === 0) return NONE;
      if (grouped !== runLength) group();
      // The commonest witnesses first, left unwalked while together they give no item `need` slots.
      met.sort((a, b) => entryItems[b] - entryItems[a]);
      let unwalked = 0;
      let first = 0;
      while (first < met.length && unwalked + mostSlots[met[first]] < need) unwalked += mostSlots[met[first++]];
      for (let m = first; m < met.length; m++) {
        for (let p = offsets[met[m]], end = offsets[met[m] + 1]; p < end; p++) {
          const item = postingItem[p];
          if (bound[item] === 0) touched.push(item);
          bound[item] += postingSlots[p];
        }
      }
      reached.length = 0;
      for (const item of touched) {
        if (bound[item] + unwalked >= need && !skip?.has(item) && bound[item] + slotsIn(item, first) >= need) reached.push(item);
        bound[item] = 0;
      }
      touched.length = 0;
      if (reached.length === 0) return NONE;

      // Exactly what LSH banding and the estimate would report, asked only of the items that
      // can pass: an LSH candidate is an item sharing a bucket (shareBucket), ascending.
      const signature = minhasher.signatureOfTokens(th.subarray(0, length));
      const out: NearDuplicate[] = [];
      for (const item of reached.sort((a, b) => a - b)) {
        const other = signatures.subarray(item * k, item * k + k); // an item with witnesses has a signature
        if (!shareBucket(signature, other)) continue;
        const similarity = jaccardEstimate(signature, other);
        if (similarity >= threshold) out.push({ item, similarity });
      }
      return out;
    },
  };
}
