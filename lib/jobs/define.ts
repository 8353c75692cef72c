import type { z } from "zod";

/** Queue options handed to pg-boss when the queue is created and each job is sent. */
export type JobQueueOptions = {
  retryLimit: number;
  retryDelay: number; // seconds before the first retry; doubled each time with retryBackoff
  retryBackoff: boolean;
  expireInSeconds: number; // an active job not finished by then (a killed worker) is retried
};

export type JobDefinition<P extends z.ZodType = z.ZodType> = {
  /** pg-boss queue name and JobRun.type. */
  name: string;
  /** Shown on the Jobs page. */
  title: string;
  payload: P;
  options: JobQueueOptions;
};

export type JobPayload<D extends JobDefinition> = z.infer<D["payload"]>;

/** What travels through pg-boss: the run id and the validated payload. */
export type QueuedJobData = { runId: string; payload: unknown };

export const defineJob = <P extends z.ZodType>(def: JobDefinition<P>) => def;
