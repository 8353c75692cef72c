import { describe, expect, it } from "vitest";
import { pairedDifferenceInterval } from "./difference";

describe("pairedDifferenceInterval (Newcombe's square-and-add, paired)", () => {
  // Fagerland, Lydersen and Laake, Statistical Analysis of Contingency Tables (2017), chapter 8:
  // complete response before and after consolidation therapy (Cavo et al. 2012), table 59 6 / 16 80,
  // difference −0.0621 with the interval −0.1186 to −0.0046.
  it("reproduces the published example", () => {
    const d = pairedDifferenceInterval({ bothRight: 59, onlyAfter: 6, onlyBefore: 16, bothWrong: 80 });
    expect(d.difference).toBeCloseTo(-0.0621, 4);
    expect(d.low).toBeCloseTo(-0.1186, 4);
    expect(d.high).toBeCloseTo(-0.0046, 4);
  });

  it("is symmetric: swapping before and after mirrors the interval", () => {
    const up = pairedDifferenceInterval({ bothRight: 24, onlyBefore: 1, onlyAfter: 7, bothWrong: 6 });
    const down = pairedDifferenceInterval({ bothRight: 24, onlyBefore: 7, onlyAfter: 1, bothWrong: 6 });
    expect(down.difference).toBeCloseTo(-up.difference, 12);
    expect(down.low).toBeCloseTo(-up.high, 12);
    expect(down.high).toBeCloseTo(-up.low, 12);
  });

  it("excludes zero for a consistent gain that an unpaired reading could not tell from chance", () => {
    // V1 25/38, V2 31/38: six items repaired, none broken.
    const d = pairedDifferenceInterval({ bothRight: 25, onlyBefore: 0, onlyAfter: 6, bothWrong: 7 });
    expect(d.difference).toBeCloseTo(6 / 38, 12);
    expect(d.low).toBeGreaterThan(0);
    expect(d.high).toBeLessThan(1);
  });

  it("knows nothing without items, and stays in [-1, 1]", () => {
    expect(pairedDifferenceInterval({ bothRight: 0, onlyBefore: 0, onlyAfter: 0, bothWrong: 0 })).toEqual({ difference: 0, low: -1, high: 1 });
    const all = pairedDifferenceInterval({ bothRight: 0, onlyBefore: 0, onlyAfter: 5, bothWrong: 0 });
    expect(all).toMatchObject({ difference: 1, high: 1 });
    expect(all.low).toBeGreaterThan(0);
  });
});
