import { describe, expect, it } from "vitest";
import { planRun } from "./run-plan";

describe("planRun", () => {
  const ids = ["i1", "i2", "i3", "i4", "i5"];

  it("asks every item in the benchmark's order, in batches", () => {
    expect(planRun(ids, [], 2)).toEqual({ total: 5, answered: 0, remaining: ids, batches: [["i1", "i2"], ["i3", "i4"], ["i5"]] });
  });

  it("never asks again an item already answered, and keeps the order of the rest", () => {
    const plan = planRun(ids, new Set(["i2", "i4"]), 2);
    expect(plan).toEqual({ total: 5, answered: 2, remaining: ["i1", "i3", "i5"], batches: [["i1", "i3"], ["i5"]] });
    // A run killed after its first batch resumes with exactly the items it had not stored.
    const resumed = planRun(ids, [...["i2", "i4"], ...plan.batches[0]], 2);
    expect(resumed.remaining).toEqual(["i5"]);
    expect(planRun(ids, ids).batches).toEqual([]);
  });

  it("ignores answers to items not in the benchmark and asks a listed-twice item once", () => {
    expect(planRun(["i1", "i2", "i1"], ["gone"], 10)).toEqual({ total: 2, answered: 0, remaining: ["i1", "i2"], batches: [["i1", "i2"]] });
  });

  it("refuses a batch size that is not a positive integer", () => {
    expect(() => planRun(ids, [], 0)).toThrow(/positive integer/);
    expect(() => planRun(ids, [], 1.5)).toThrow(/positive integer/);
  });
});
