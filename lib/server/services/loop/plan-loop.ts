import { isDomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { decideStage } from "./decide-stage";
import { storedStages, type StoredStage } from "./fingerprints";
import { StageFailure, type LoopContext, type Made } from "./loop-context";
import type { StageName } from "./loop-report";
import { effectiveOptions } from "./run-loop";
import { STAGE_INFO } from "./stage-info";
import { STAGES } from "./stages";

export type PlannedState = "up to date" | "stale" | "never ran" | "waiting for review" | "not reached";
export type PlannedStage = { name: StageName; state: PlannedState; reason: string };

const message = (e: unknown) => (e instanceof StageFailure || isDomainError(e) || e instanceof Error ? e.message : String(e));

/**
 * What `proda loop` would do now, without doing it: each stage's decision as the loop makes it
 * (decide-stage.ts), with the options of the last loop run. Stages after one that has to run
 * cannot be judged before it runs (their inputs are what it will make): they are stale if they
 * ran before, and run after it anyway when their fingerprints change.
 */
export async function planLoop(db: Db, ranBefore: ReadonlySet<StageName>): Promise<{ stages: PlannedStage[]; made: Made; stored: Map<StageName, StoredStage> }> {
  const options = await effectiveOptions(db, {});
  const ctx: LoopContext = {
    db,
    runJob: () => Promise.reject(new Error("planning the loop runs no job")),
    loopRunId: "plan",
    options,
    made: { sets: {}, checks: {}, models: {}, evaluations: {} },
  };
  const stored = await storedStages(db);
  const stages: PlannedStage[] = [];
  const staleOrNew = (name: StageName) => (ranBefore.has(name) || stored.has(name) ? "stale" : "never ran");
  let after: { state: "follows" | "not reached"; reason: string } | null = null;
  for (const stage of STAGES) {
    const name = stage.name;
    if (after) {
      stages.push({ name, state: after.state === "follows" ? staleOrNew(name) : "not reached", reason: after.reason });
      continue;
    }
    try {
      const d = await decideStage(ctx, stage, stored.get(name));
      if (d.status === "to run") {
        stages.push({ name, state: staleOrNew(name), reason: `runs next: ${d.why}` });
        // A stage with work whatever ran before (evaluating a new base model) feeds no later stage.
        if (d.fingerprint) after = { state: "follows", reason: `runs after “${STAGE_INFO[name].title}”, which has to run first` };
      } else {
        stages.push({ name, state: d.status, reason: d.reason });
        if (d.status === "waiting for review") after = { state: "not reached", reason: "the loop waits for the patch review" };
      }
    } catch (e) {
      stages.push({ name, state: staleOrNew(name), reason: message(e) });
      after = { state: "not reached", reason: `“${STAGE_INFO[name].title}” cannot run yet` };
    }
  }
  return { stages, made: ctx.made, stored };
}
