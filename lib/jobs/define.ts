import type { z } from "zod";

/** Queue options handed to pg-boss when the queue is created and each job is sent. */
export type JobQueueOptions = {
  /** retries after the first attempt; a run whose worker died also spends one (workers/runtime/sweep.ts) */
  retryLimit: number;
  retryDelay: number; // seconds before the first retry; doubled each time with retryBackoff
  retryBackoff: boolean;
  /**
   * The longest one delivery may stay active in pg-boss. A killed worker's run is taken back by
   * its lease expiring (within a minute), not by this; remote waits park the run between
   * deliveries, so a run may wait far longer than this in total.
   */
  expireInSeconds: number;
};

export type JobDefinition<P extends z.ZodType = z.ZodType> = {
  /** pg-boss queue name and JobRun.type. */
  name: string;
  /** Shown on the Jobs page. */
  title: string;
  payload: P;
  options: JobQueueOptions;
  /**
   * The data a run rewrites, as "scope:part" or "scope:*" for all of a scope: a run is refused
   * (409, naming the other run) while a live run's key overlaps (lib/jobs/conflicts.ts).
   * Method syntax on purpose: the registry holds definitions of different payloads.
   */
  conflictKey?(payload: z.infer<P>): string | null;
};

export type JobPayload<D extends JobDefinition> = z.infer<D["payload"]>;

/** What travels through pg-boss: the run id and the validated payload. */
export type QueuedJobData = { runId: string; payload: unknown };

export const defineJob = <P extends z.ZodType>(def: JobDefinition<P>) => def;
