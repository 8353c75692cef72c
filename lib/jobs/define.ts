import type { z } from "zod";
import type { Db } from "@/lib/server/db";

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
  /**
   * Checks what the payload names against the database before a run is recorded (an unknown
   * discipline is a 404 naming it), so a refused request leaves no run, from the API and the CLI
   * alike: enqueueJob and runInline both call it.
   */
  admit?(db: Db, payload: z.infer<P>): Promise<void>;
};

export type JobPayload<D extends JobDefinition> = z.infer<D["payload"]>;

/** What travels through pg-boss: the run id and the validated payload. */
export type QueuedJobData = { runId: string; payload: unknown };

export const defineJob = <P extends z.ZodType>(def: JobDefinition<P>) => def;
