// The exact-overlap half of the gate: every distinct n-gram (13 words, or the whole text of a
// short item, see shingleSize) of every item, keyed by a rolling hash of its word ids, so an
// instance costs one table probe per window however many items there are. The hash only finds
// candidates: a hit counts only once the word ids themselves are compared, so a collision can
// cost a comparison but never report an overlap that is not there.
import { ABSENT, createIntTable } from "./int-table";
import { shingleSize } from "./ngrams";
import { doubled } from "./typed-arrays";

/** An item an instance overlaps: distinct shared n-grams, and the first one's place in the instance. */
export type NgramHit = { matched: number; start: number; size: number };

export interface NgramIndex {
  /** Indexes item number `item` (numbered 0, 1, 2, … in the order added); answers its count of distinct n-grams. */
  add(item: number, ids: Int32Array): number;
  /** The items sharing an n-gram with ids[0, length), each with its first in the instance; null when none. */
  hits(ids: Int32Array, length: number): Map<number, NgramHit> | null;
}

// Each word id gets a well-mixed 32-bit key (ids are small consecutive integers), and a window's
// hash is the polynomial sum of its keys, which slides by one word in two multiplications.
const BASE = 0x2f0b3a49; // odd
const mixId = (id: number) => {
  let h = Math.imul(id ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
};
/** The table key of a window: its size folded in, so windows of different sizes do not meet. */
const keyOf = (sum: number, size: number) => {
  let h = Math.imul(sum ^ Math.imul(size, 0x27d4eb2f), 0xc2b2ae35);
  return h ^ (h >>> 16);
};
function power(size: number): number {
  let p = 1;
  for (let i = 1; i < size; i++) p = Math.imul(p, BASE);
  return p;
}

const same = (a: Int32Array, aStart: number, b: Int32Array, bStart: number, length: number): boolean => {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
};

/**
 * `keyBits` keeps only that many low bits of each table key (tests: with 2, nearly every n-gram
 * collides with others, and the answers must not change).
 */
export function createNgramIndex(n: number, options: { keyBits?: number } = {}): NgramIndex {
  const keyMask = options.keyBits === undefined || options.keyBits >= 32 ? -1 : (1 << options.keyBits) - 1;
  const table = createIntTable(1 << 16);
  // One posting per distinct n-gram of an item, (item, start), chained per table entry from the
  // last added back: typed arrays rather than an array per entry, which the index made 100K of.
  let first = new Int32Array(1 << 14); // per entry: its first posting
  let last = new Int32Array(1 << 14);
  let entries = 0;
  let postItem = new Int32Array(1 << 15);
  let postStart = new Int32Array(1 << 15);
  let postPrev = new Int32Array(1 << 15); // the posting added before it to its entry, -1 at the first
  // 1 when the posting's n-gram is the one of its entry's first posting (all but hash collisions):
  // a window compared with the first is then compared with all of them, as a stock phrase of
  // hundreds of items must be, in one comparison.
  let postSameAsFirst = new Int32Array(1 << 15);
  let posts = 0;
  function post(entry: number, item: number, start: number, size: number): void {
    if (posts === postItem.length) {
      [postItem, postStart, postPrev, postSameAsFirst] = [doubled(postItem), doubled(postStart), doubled(postPrev), doubled(postSameAsFirst)];
    }
    postItem[posts] = item;
    postStart[posts] = start;
    if (entry === entries) {
      if (entries === first.length) [first, last] = [doubled(first), doubled(last)];
      first[entries++] = posts;
      postPrev[posts] = -1;
      postSameAsFirst[posts] = 1;
    } else {
      postPrev[posts] = last[entry];
      const f = first[entry];
      postSameAsFirst[posts] = itemSizes[postItem[f]] === size && same(itemIds[item], start, itemIds[postItem[f]], postStart[f], size) ? 1 : 0;
    }
    last[entry] = posts++;
  }
  const itemIds: Int32Array[] = [];
  const itemSizes: number[] = [];
  // Window sizes in use, largest first: n, plus the whole-text size of each short item, which
  // hits() must also slide over the instance.
  let sizes: number[] = [n];
  let keys = new Int32Array(256);

  function keysOf(ids: Int32Array, length: number): Int32Array {
    if (keys.length < length) keys = new Int32Array(1 << Math.ceil(Math.log2(length)));
    for (let i = 0; i < length; i++) keys[i] = mixId(ids[i]);
    return keys;
  }

  return {
    add(item, ids) {
      const size = shingleSize(ids.length, n);
      itemIds[item] = ids;
      itemSizes[item] = size;
      if (size === 0) return 0;
      if (!sizes.includes(size)) sizes = [...sizes, size].sort((a, b) => b - a);
      const k = keysOf(ids, ids.length);
      const top = power(size);
      let sum = 0;
      for (let i = 0; i < size; i++) sum = (Math.imul(sum, BASE) + k[i]) | 0;
      let distinct = 0;
      for (let start = 0; ; start++) {
        const key = keyOf(sum, size) & keyMask;
        let entry = table.get(key);
        let repeated = false;
        if (entry === ABSENT) {
          entry = entries;
          table.set(key, entry);
        } else {
          // An n-gram repeated in the item is posted once. The item's own postings are the last of
          // the chain (items are added one by one), so only they are read: a stock phrase of
          // hundreds of items costs one step, not a walk of its chain.
          for (let p = last[entry]; p >= 0 && postItem[p] === item && !repeated; p = postPrev[p]) repeated = same(ids, start, ids, postStart[p], size);
        }
        if (!repeated) {
          post(entry, item, start, size);
          distinct++;
        }
        if (start + size >= ids.length) break;
        sum = (Math.imul((sum - Math.imul(k[start], top)) | 0, BASE) + k[start + size]) | 0;
      }
      return distinct;
    },

    hits(ids, length) {
      let hits: Map<number, NgramHit> | null = null;
      // The windows that found an entry, as [start, size] pairs: an n-gram repeated in the
      // instance counts once.
      let met: number[] | null = null;
      const k = keysOf(ids, length);
      for (const size of sizes) {
        if (size > length) continue;
        const top = power(size);
        let sum = 0;
        for (let i = 0; i < size; i++) sum = (Math.imul(sum, BASE) + k[i]) | 0;
        for (let start = 0; ; start++) {
          const entry = table.get(keyOf(sum, size) & keyMask); // almost always a miss: the common path is one probe
          if (entry !== ABSENT) {
            met ??= [];
            let repeated = false;
            for (let m = 0; m < met.length && !repeated; m += 2) repeated = met[m + 1] === size && same(ids, start, ids, met[m], size);
            if (!repeated) {
              met.push(start, size);
              const f = first[entry];
              const sameAsFirst = itemSizes[postItem[f]] === size && same(ids, start, itemIds[postItem[f]], postStart[f], size);
              for (let p = last[entry]; p >= 0; p = postPrev[p]) {
                const item = postItem[p];
                const match = postSameAsFirst[p] === 1 ? sameAsFirst : itemSizes[item] === size && same(ids, start, itemIds[item], postStart[p], size);
                if (!match) continue;
                hits ??= new Map();
                const hit = hits.get(item);
                if (hit) hit.matched++;
                else hits.set(item, { matched: 1, start, size });
              }
            }
          }
          if (start + size >= length) break;
          sum = (Math.imul((sum - Math.imul(k[start], top)) | 0, BASE) + k[start + size]) | 0;
        }
      }
      return hits;
    },
  };
}
