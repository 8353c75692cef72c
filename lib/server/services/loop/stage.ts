import type { Fingerprint, StoredStage } from "./fingerprints";
import type { LoopContext } from "./loop-context";
import type { StageName } from "./loop-report";

/** What a stage finds before it does anything. */
export type Plan =
  /** its inputs' versions now: up to date when they equal those of its last run and what it made is still there */
  | { kind: "versions"; fingerprint: Fingerprint }
  /** there is nothing for it to do (up to date), with why */
  | { kind: "nothing"; reason: string }
  /** it has work whatever ran before (patches to approve, models never evaluated on this benchmark) */
  | { kind: "run" }
  /** people have to act first: the loop stops here, successfully */
  | { kind: "wait"; reason: string };

/** What a stage's run made (an id, for the next run to find it again) and what it says it did. */
export type Ran = { output: string | null; reason: string; jobRunId?: string };

export type Stage = {
  name: StageName;
  plan(ctx: LoopContext): Promise<Plan>;
  /** Takes what the stage made last time back into `ctx.made` and says so; null when it is gone (the stage runs again). */
  restore(ctx: LoopContext, stored: StoredStage): Promise<string | null>;
  run(ctx: LoopContext): Promise<Ran>;
};

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : /(s|x|ch|sh)$/.test(word) ? "es" : "s"}`;
