import { describe, expect, it } from "vitest";
import { formatPercent } from "./format";

describe("formatPercent", () => {
  it("never rounds a share that is not whole up to 100% or down to 0%", () => {
    expect(formatPercent(4426 / 4429)).toBe("99.9%");
    expect(formatPercent(99_999 / 100_000)).toBe(">99.99%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(3 / 4429)).toBe("0.1%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(0.994)).toBe("99%");
  });
});
