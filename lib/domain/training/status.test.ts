import { describe, expect, it } from "vitest";
import { DEFAULT_HYPERPARAMETERS, hyperparametersSchema, isTerminal, normaliseStatus, pollDelayMs, stepProgress } from "./index";

describe("a provider's status in ProDa's terms", () => {
  it("maps every OpenAI status, and one it has never seen (paused) to unknown, still polled", () => {
    const map = (s: string) => normaliseStatus("openai", s);
    expect(["validating_files", "queued", "running", "succeeded", "failed", "cancelled"].map(map)).toEqual(["validating", "queued", "running", "succeeded", "failed", "cancelled"]);
    expect(map("paused")).toBe("unknown");
    expect(map("SUCCEEDED")).toBe("succeeded");
    expect(isTerminal(map("paused"))).toBe(false);
    // Not fooled by names every object has.
    expect(map("constructor")).toBe("unknown");
  });

  it("maps Together's statuses: packaging the model is still running, a requested cancel is not done yet", () => {
    const map = (s: string) => normaliseStatus("together", s);
    expect(["pending", "queued", "running", "compressing", "uploading", "cancel_requested"].map(map)).toEqual(["queued", "queued", "running", "running", "running", "running"]);
    expect(["completed", "cancelled", "error", "failed", "user_error"].map(map)).toEqual(["succeeded", "cancelled", "failed", "failed", "failed"]);
    expect(map("hibernating")).toBe("unknown");
  });

  it("knows which states are final", () => {
    expect(["succeeded", "failed", "cancelled"].every((s) => isTerminal(s as never))).toBe(true);
    expect(["validating", "queued", "running", "unknown"].some((s) => isTerminal(s as never))).toBe(false);
  });

  it("polls at 5 s, then less and less often, never slower than once a minute, the same on every run", () => {
    const schedule = Array.from({ length: 12 }, (_, i) => pollDelayMs(i));
    expect(schedule[0]).toBe(5_000);
    expect(schedule.every((d, i) => i === 0 || d >= schedule[i - 1])).toBe(true);
    expect(Math.max(...schedule)).toBe(60_000);
    expect(pollDelayMs(1000)).toBe(60_000);
    expect(pollDelayMs(-1)).toBe(5_000);
    expect(Array.from({ length: 12 }, (_, i) => pollDelayMs(i))).toEqual(schedule);
  });

  it("reads progress from step events", () => {
    expect(stepProgress("Step 120/400: training loss=0.31")).toBeCloseTo(0.3);
    expect(stepProgress("Fine-tuning job started")).toBeNull();
  });
});

describe("hyperparameters", () => {
  it("fill in defaults (LoRA, 3 epochs) and refuse out-of-range values", () => {
    expect(DEFAULT_HYPERPARAMETERS).toEqual({ epochs: 3, method: "lora" });
    expect(hyperparametersSchema.parse({ epochs: 2, learningRate: 2e-4, method: "full" })).toEqual({ epochs: 2, learningRate: 2e-4, method: "full" });
    expect(hyperparametersSchema.safeParse({ epochs: 0 }).success).toBe(false);
    expect(hyperparametersSchema.safeParse({ epochs: 51 }).success).toBe(false);
    expect(hyperparametersSchema.safeParse({ epochs: 1.5 }).success).toBe(false);
    expect(hyperparametersSchema.safeParse({ learningRate: 0 }).success).toBe(false);
    expect(hyperparametersSchema.safeParse({ method: "qlora" }).success).toBe(false);
  });
});
