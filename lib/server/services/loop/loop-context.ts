import type { JobDefinition, JobPayload } from "@/lib/jobs/define";
import type { Db } from "@/lib/server/db";
import type { LoopOptions, StageName } from "./loop-report";

/**
 * Runs one job to its end and answers how it ended: the CLI passes `runInline` with the job's own
 * handler, so each stage is the same JobRun (progress, logs, checkpoints) as `proda extract` and
 * the others make, and the loop never shells out to itself.
 */
export type RunJob = <D extends JobDefinition>(def: D, payload: JobPayload<D>) => Promise<{ runId: string; outcome: string; result: unknown; error: string | null }>;

export type Role = "V1" | "V2";
export type SetRef = { id: string; name: string; version: number };
export type ModelRef = { id: string; name: string };

/** What the stages made or found so far in this run; later stages read their inputs here. */
export type Made = {
  benchmark?: { id: string; version: number };
  sets: Partial<Record<Role, SetRef>>;
  checks: Partial<Record<Role, string>>;
  models: Partial<Record<Role, ModelRef>>;
  evaluations: Partial<Record<Role, string>>;
  debugRun?: string;
};

/** The options in effect: each given one, else the one of the loop's previous run, else the default. */
export type EffectiveOptions = Required<Omit<LoopOptions, "endpoint" | "from">> & { endpoint: string | null };

export type LoopContext = {
  db: Db;
  runJob: RunJob;
  loopRunId: string;
  options: EffectiveOptions;
  made: Made;
};

/** A stage that cannot go on: the loop stops there (exit code 1). A failed gate says which one. */
export class StageFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly runId?: string,
    readonly gate?: "reachability" | "orthogonality",
  ) {
    super(message);
    this.name = "StageFailure";
  }
}

/** Runs a stage's job; anything but success stops the loop with the job's own error. */
export async function runStageJob<D extends JobDefinition>(ctx: LoopContext, stage: StageName, def: D, payload: JobPayload<D>) {
  const run = await ctx.runJob(def, payload);
  if (run.outcome !== "succeeded" || !run.result) {
    throw new StageFailure(`${stage}: ${run.error ?? `the ${def.name} job ${run.outcome}`}`, run.outcome === "cancelled" ? "JOB_CANCELLED" : "JOB_FAILED", run.runId);
  }
  return { runId: run.runId, result: run.result };
}

export const setLabel = (s: { name: string; version: number }) => `${s.name}@${s.version}`;
