import { describe, expect, it } from "vitest";
import { averageRanks, erfc, mcnemar, spearman } from "./stats";

const pairs = (both: number, onlyFirst: number, onlySecond: number, neither: number) => [
  ...Array.from({ length: both }, () => [true, true] as const),
  ...Array.from({ length: onlyFirst }, () => [true, false] as const),
  ...Array.from({ length: onlySecond }, () => [false, true] as const),
  ...Array.from({ length: neither }, () => [false, false] as const),
];

describe("McNemar", () => {
  it("is exact with few discordant pairs: b = 1, c = 9 gives p = 2 · (1 + 10) / 1024", () => {
    const r = mcnemar(pairs(50, 1, 9, 40));
    expect(r).toMatchObject({ onlyFirst: 1, onlySecond: 9, method: "exact" });
    expect(r.pValue).toBeCloseTo(22 / 1024, 10);
  });

  it("uses chi-squared with continuity correction beyond: b = 10, c = 30 gives χ² = 361/40 = 9.025, p ≈ 0.00266", () => {
    const r = mcnemar(pairs(100, 10, 30, 60));
    expect(r.method).toBe("chi2");
    expect(r.statistic).toBeCloseTo(9.025, 10);
    expect(r.pValue).toBeCloseTo(0.002663, 5);
  });

  it("says nothing is different when nothing is (p = 1), and never exceeds 1", () => {
    expect(mcnemar(pairs(5, 0, 0, 5)).pValue).toBe(1);
    expect(mcnemar(pairs(0, 3, 3, 0)).pValue).toBe(1);
  });

  it("erfc matches known values", () => {
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(erfc(1)).toBeCloseTo(0.157299, 6);
    expect(erfc(-1)).toBeCloseTo(1.842701, 6);
  });
});

describe("Spearman", () => {
  it("ranks ties by their average", () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
  });

  it("is 1 and −1 for monotone data, and exact with ties (hand-computed: 4.5 / √22.5 ≈ 0.9487)", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 45]).rho).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1]).rho).toBeCloseTo(-1, 12);
    // x ranks 1, 2.5, 2.5, 4 and y ranks 1, 2, 3, 4 around 2.5: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5.
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4]).rho).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4]).rho).toBeCloseTo(0.948683, 6);
  });

  it("gives no coefficient below 3 pairs or for a constant side, and refuses lists of different lengths", () => {
    expect(spearman([1, 2], [2, 1])).toEqual({ rho: null, n: 2 });
    expect(spearman([1, 1, 1], [1, 2, 3]).rho).toBeNull();
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(/differ in length/);
  });
});
