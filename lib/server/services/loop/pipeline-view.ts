import { z } from "zod";
import { LOOP_STAGES } from "./loop-report";
import { STAGE_GROUPS } from "./stage-info";

/**
 * What the Pipeline page shows of a stage. `stale`: its inputs changed or what it made is gone (or
 * a stage before it has to run first), so the next loop runs it; `not reached`: the loop stops
 * before it (patches wait for review, or a stage before it cannot run yet).
 */
export const STAGE_STATES = ["up to date", "stale", "running", "failed", "waiting for review", "never ran", "not reached"] as const;
export type StageState = (typeof STAGE_STATES)[number];

export const stageCountSchema = z.object({ label: z.string(), value: z.string() });

export const stageViewSchema = z.object({
  name: z.enum(LOOP_STAGES),
  title: z.string(),
  group: z.enum(STAGE_GROUPS),
  state: z.enum(STAGE_STATES),
  reason: z.string(),
  /** its last successful run (ISO time) and the job it ran, when it ran one */
  lastRun: z.object({ at: z.string(), jobRunId: z.string().nullable() }).nullable(),
  /** what it made, for its card: "concepts 120", "accuracy 65.8%" */
  counts: z.array(stageCountSchema),
});
export type StageView = z.infer<typeof stageViewSchema>;

export const LOOP_RUN_STATES = ["queued", "running", "done", "waiting", "failed", "cancelled"] as const;

/** The live loop run, else the last one. */
export const loopRunViewSchema = z.object({
  /** the `loop-run` job, null for a `proda loop` run in the CLI */
  jobRunId: z.string().nullable(),
  state: z.enum(LOOP_RUN_STATES),
  progress: z.number().min(0).max(1),
  message: z.string().nullable(),
  currentStage: z.enum(LOOP_STAGES).nullable(),
  from: z.enum(LOOP_STAGES).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type LoopRunView = z.infer<typeof loopRunViewSchema>;

/** GET /api/pipeline/stages */
export const pipelineViewSchema = z.object({
  documents: z.number().int().nonnegative(),
  stages: z.array(stageViewSchema),
  loop: loopRunViewSchema.nullable(),
  /** a loop is running (a job, or `proda loop` in a terminal): no other may start */
  live: z.boolean(),
  /** where the patches wait for review, while the loop waits for them */
  reviewUrl: z.string().nullable(),
});
export type PipelineView = z.infer<typeof pipelineViewSchema>;

/** What POST /api/loop-runs answers (202): the queued `loop-run` job. */
export const startedLoopRunSchema = z.object({ jobRunId: z.string() });
export type StartedLoopRun = z.infer<typeof startedLoopRunSchema>;
