import { describe, expect, it } from "vitest";
import { drillStepDelayMs } from "./job-context";

describe("PRODA_DRILL_STEP_DELAY_MS", () => {
  it("is 0 unless set, and a whole number of milliseconds up to 10 s", () => {
    expect(drillStepDelayMs(undefined)).toBe(0);
    expect(drillStepDelayMs("")).toBe(0);
    expect(drillStepDelayMs("300")).toBe(300);
    for (const bad of ["-1", "2.5", "soon", "10001"]) expect(() => drillStepDelayMs(bad)).toThrow(`PRODA_DRILL_STEP_DELAY_MS must be a whole number of milliseconds from 0 to 10000, not "${bad}"`);
  });
});
