import { describe, expect, it } from "vitest";
import { MERSENNE_PRIME, createMinHasher, jaccardEstimate, universalHash } from "./minhash";

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
