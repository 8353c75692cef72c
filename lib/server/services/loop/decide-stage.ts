import { describeChange, type Fingerprint, type StoredStage } from "./fingerprints";
import type { LoopContext } from "./loop-context";
import type { Stage } from "./stage";

/**
 * Whether a stage is up to date, waits for people, or has to run, and why: the one decision both
 * the loop (run-loop.ts) and the Pipeline page's preview (plan-loop.ts) make. It only reads, apart
 * from `restore` filling `ctx.made` with what the stage made last time, which later plans need.
 */
export type Decision =
  | { status: "up to date" | "waiting for review"; reason: string }
  /** `fingerprint` is recorded once it ran; null for stages that have work whatever ran before */
  | { status: "to run"; why: string; fingerprint: Fingerprint | null };

/** `forced`: the stage the loop runs from ("Run from here", `--from`), run even when up to date. */
export async function decideStage(ctx: LoopContext, stage: Stage, stored: StoredStage | undefined, forced = false): Promise<Decision> {
  const plan = await stage.plan(ctx);
  if (plan.kind === "nothing") return { status: "up to date", reason: plan.reason };
  if (plan.kind === "wait") return { status: "waiting for review", reason: plan.reason };
  if (plan.kind === "run") return { status: "to run", why: forced ? "run from here" : "it has work", fingerprint: null };
  if (forced) return { status: "to run", why: "run from here", fingerprint: plan.fingerprint };
  if (!stored) return { status: "to run", why: "it never ran in this workspace", fingerprint: plan.fingerprint };
  const change = describeChange(stored.fingerprint, plan.fingerprint);
  if (change) return { status: "to run", why: `its inputs changed: ${change}`, fingerprint: plan.fingerprint };
  const upToDate = await stage.restore(ctx, stored);
  if (upToDate) return { status: "up to date", reason: upToDate };
  return { status: "to run", why: "what it made last time is gone", fingerprint: plan.fingerprint };
}
