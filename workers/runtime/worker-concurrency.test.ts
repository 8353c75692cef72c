import { describe, expect, it } from "vitest";
import { workerConcurrency } from "./worker-concurrency";

const KINDS = ["corpus-import", "model-evaluate", "model-train"];

describe("PRODA_WORKER_CONCURRENCY", () => {
  it("is one run of each kind at a time when unset", () => {
    expect(Object.fromEntries(workerConcurrency(KINDS, undefined))).toEqual({ "corpus-import": 1, "model-evaluate": 1, "model-train": 1 });
  });

  it("takes a count for every kind, then per-kind counts over it; 0 leaves a kind to other workers", () => {
    expect(Object.fromEntries(workerConcurrency(KINDS, " 2, model-evaluate=4 ,model-train=0"))).toEqual({ "corpus-import": 2, "model-evaluate": 4, "model-train": 0 });
  });

  it("refuses an unknown kind or a bad count, naming them", () => {
    expect(() => workerConcurrency(KINDS, "model-evalute=2")).toThrow(/no job kind model-evalute \(kinds: corpus-import/);
    expect(() => workerConcurrency(KINDS, "model-train=-1,x")).toThrow(/"model-train=-1": the count must be a whole number.*"x": the count/);
  });
});
