import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { createNgramIndex, type NgramHit } from "./ngram-index";
import { shingleSize } from "./ngrams";

/** The same answers by brute force: every window of the instance against every item's distinct n-grams. */
function reference(items: Int32Array[], ids: Int32Array, n: number): Map<number, NgramHit> | null {
  const key = (a: Int32Array, start: number, size: number) => `${size}:${[...a.subarray(start, start + size)].join(",")}`;
  const grams = items.map((item) => {
    const size = shingleSize(item.length, n);
    const set = new Set<string>();
    for (let s = 0; size > 0 && s + size <= item.length; s++) set.add(key(item, s, size));
    return set;
  });
  const sizes = [...new Set([n, ...items.map((i) => shingleSize(i.length, n)).filter((s) => s > 0)])].sort((a, b) => b - a);
  let hits: Map<number, NgramHit> | null = null;
  for (const size of sizes) {
    const seen = new Set<string>();
    for (let start = 0; start + size <= ids.length; start++) {
      const k = key(ids, start, size);
      if (seen.has(k)) continue;
      seen.add(k);
      grams.forEach((set, item) => {
        if (!set.has(k)) return;
        hits ??= new Map();
        const hit = hits.get(item);
        if (hit) hit.matched++;
        else hits.set(item, { matched: 1, start, size });
      });
    }
  }
  return hits;
}

describe("createNgramIndex", () => {
  it("answers exactly, even when nearly every n-gram's table key collides with others", () => {
    const random = seededRandom(11);
    const n = 4;
    // A vocabulary of 3 words: items share n-grams with each other, repeat them, and instances hit many.
    const text = (length: number) => Int32Array.from({ length }, () => Math.floor(random() * 3));
    const items = Array.from({ length: 60 }, () => text(2 + Math.floor(random() * 12)));
    const exact = createNgramIndex(n);
    const colliding = createNgramIndex(n, { keyBits: 2 });
    const counts = items.map((item, i) => [exact.add(i, item), colliding.add(i, item)]);
    for (const [a, b] of counts) expect(a).toBe(b);
    let hitSome = 0;
    for (let k = 0; k < 200; k++) {
      const ids = text(1 + Math.floor(random() * 20));
      const expected = reference(items, ids, n);
      expect(exact.hits(ids, ids.length)).toEqual(expected);
      expect(colliding.hits(ids, ids.length)).toEqual(expected);
      if (expected) hitSome++;
    }
    expect(hitSome).toBeGreaterThan(50);
  });
});
