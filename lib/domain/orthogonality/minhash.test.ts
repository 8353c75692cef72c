import { describe, expect, it } from "vitest";
import { MERSENNE_PRIME, createLshIndex, createMinHasher, jaccardEstimate, modPrime32, shareBucket, universalHash } from "./minhash";
import { windowHash32 } from "./ngrams";

const P = BigInt(MERSENNE_PRIME);

describe("universalHash", () => {
  it("equals (a*x + b) mod p computed with BigInt, and is always an integer in [0, p)", () => {
    const extremes = [0, 1, 2, 65535, 65536, 0x7ffe, 0x12345678, MERSENNE_PRIME - 2, MERSENNE_PRIME - 1];
    let s = 12345;
    const random = Array.from({ length: 200 }, () => (s = (Math.imul(s, 1103515245) + 12345) >>> 1) % MERSENNE_PRIME);
    const values = [...extremes, ...random];
    for (const a of values) {
      for (const x of values) {
        const b = values[(a + x) % values.length];
        const h = universalHash(a, b, x);
        expect(Number.isInteger(h)).toBe(true);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThan(MERSENNE_PRIME);
        if (h !== Number((BigInt(a) * BigInt(x) + BigInt(b)) % P)) expect({ a, b, x, h }).toBe("exact");
      }
    }
  });
});

describe("MinHash", () => {
  it("estimates a Jaccard similarity of 0.5 within 0.1", () => {
    const hasher = createMinHasher();
    const a = hasher.signature(Array.from({ length: 300 }, (_, i) => i)); // {0..299}
    const b = hasher.signature(Array.from({ length: 300 }, (_, i) => i + 100)); // {100..399}: J = 200/400
    expect(Math.abs(jaccardEstimate(a, b) - 0.5)).toBeLessThanOrEqual(0.1);
  });

  it("gives signature slots that are integers below the prime, the same for the same seed", () => {
    const sig = createMinHasher({ seed: 9 }).signature([1, 2, 3, 2 ** 40]);
    expect(sig).toHaveLength(128);
    expect([...sig].every((v) => Number.isInteger(v) && v < MERSENNE_PRIME)).toBe(true);
    expect(createMinHasher({ seed: 9 }).signature([1, 2, 3, 2 ** 40])).toEqual(sig);
    expect(jaccardEstimate(sig, sig)).toBe(1);
  });
});

describe("modPrime32", () => {
  it("equals x % p for 32-bit unsigned x, at the edges and at random", () => {
    const edges = [0, 1, MERSENNE_PRIME - 1, MERSENNE_PRIME, MERSENNE_PRIME + 1, 2 ** 31, 2 ** 32 - 3, 2 ** 32 - 2, 2 ** 32 - 1];
    let s = 7;
    const random = Array.from({ length: 10_000 }, () => (s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0);
    for (const x of [...edges, ...random]) if (modPrime32(x) !== x % MERSENNE_PRIME) expect({ x, got: modPrime32(x) }).toBe(x % MERSENNE_PRIME);
  });
});

describe("signatureOfTokens witnesses", () => {
  it("gives each slot the shingle value its minimum came from, one of the text's shingles", () => {
    const hasher = createMinHasher();
    const th = Uint32Array.from({ length: 30 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
    const witnesses = new Uint32Array(128);
    const sig = hasher.signatureOfTokens(th, witnesses);
    expect(hasher.signatureOfTokens(th)).toEqual(sig);
    const shingles = new Set(Array.from({ length: 26 }, (_, s) => modPrime32(windowHash32(th, s, 5))));
    for (let i = 0; i < 128; i++) {
      expect(shingles.has(witnesses[i])).toBe(true);
      // the witness alone has the same value in that slot: it is where the minimum came from
      expect(hasher.signature([witnesses[i]])[i]).toBe(sig[i]);
    }
  });
});

describe("signatureOfTokens slots", () => {
  it("hold the least hash over the shingles in every slot, for odd counts of permutations as for even", () => {
    const th = Uint32Array.from({ length: 40 }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);
    const shingles = Array.from({ length: 36 }, (_, s) => modPrime32(windowHash32(th, s, 5)));
    for (const permutations of [1, 5, 6, 7]) {
      const hasher = createMinHasher({ permutations, seed: 99 });
      const witnesses = new Uint32Array(permutations);
      const sig = hasher.signatureOfTokens(th, witnesses);
      const each = shingles.map((x) => hasher.signature([x]));
      for (let i = 0; i < permutations; i++) {
        expect(sig[i]).toBe(Math.min(...each.map((one) => one[i])));
        expect(hasher.signature([witnesses[i]])[i]).toBe(sig[i]);
      }
      // The permutations are drawn in order from the seed: five of them are the first five of six.
      if (permutations === 5) expect([...sig]).toEqual([...createMinHasher({ permutations: 6, seed: 99 }).signatureOfTokens(th).subarray(0, 5)]);
    }
  });
});

describe("shareBucket", () => {
  it("is true exactly for the signatures an LSH index lists as candidates", () => {
    const hasher = createMinHasher();
    // sets overlapping by varying amounts, so some pairs share a band and others none
    const signatures = Array.from({ length: 60 }, (_, i) => hasher.signature(Array.from({ length: 20 }, (_, j) => (i % 6) * 7 + j + (j < 14 ? 0 : i * 100))));
    const lsh = createLshIndex();
    signatures.forEach((s, i) => lsh.add(i, s));
    let shared = 0;
    for (const a of signatures) {
      const candidates = lsh.candidates(a);
      signatures.forEach((b, i) => expect(shareBucket(a, b)).toBe(candidates.includes(i)));
      shared += candidates.length;
    }
    expect(shared).toBeGreaterThan(60); // more than each signature with itself
    expect(shared).toBeLessThan(60 * 60);
  });
});
