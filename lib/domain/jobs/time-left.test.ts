import { describe, expect, it } from "vitest";
import { estimateTimeLeft, formatTimeLeft, timeLeft } from "./time-left";

const MIN = 60_000;

describe("estimateTimeLeft", () => {
  it("extrapolates the pace so far: elapsed × (1 − p) / p", () => {
    expect(estimateTimeLeft(2 * MIN, 0.4)).toBe(3 * MIN);
    expect(estimateTimeLeft(10 * MIN, 0.5)).toBe(10 * MIN);
    expect(estimateTimeLeft(9 * MIN, 0.9)).toBeCloseTo(MIN);
  });

  it("gives no estimate before progress means something, or once the run is complete", () => {
    expect(estimateTimeLeft(5 * MIN, 0)).toBeNull();
    expect(estimateTimeLeft(5 * MIN, 0.01)).toBeNull();
    expect(estimateTimeLeft(1000, 0.5)).toBeNull();
    expect(estimateTimeLeft(5 * MIN, 1)).toBeNull();
    expect(estimateTimeLeft(Number.NaN, 0.5)).toBeNull();
  });
});

describe("formatTimeLeft", () => {
  it("says it roughly, as a person would", () => {
    expect(formatTimeLeft(null)).toBe("–");
    expect(formatTimeLeft(20_000)).toBe("less than a minute left");
    expect(formatTimeLeft(50_000)).toBe("about 1 min left");
    expect(formatTimeLeft(3 * MIN)).toBe("about 3 min left");
    expect(formatTimeLeft(3.4 * MIN)).toBe("about 3 min left");
    expect(formatTimeLeft(58 * MIN)).toBe("about 1 h left");
    expect(formatTimeLeft(132 * MIN)).toBe("about 2 h 10 min left");
    expect(formatTimeLeft(3 * 24 * 60 * MIN)).toBe("about 3 days left");
  });
});

describe("timeLeft", () => {
  it("reads a running job's start and progress", () => {
    const now = Date.parse("2026-12-02T10:02:00Z");
    expect(timeLeft("2026-12-02T10:00:00Z", 0.4, now)).toBe("about 3 min left");
    expect(timeLeft(null, 0.4, now)).toBe("–");
    expect(timeLeft("2026-12-02T10:00:00Z", 0, now)).toBe("–");
  });
});
