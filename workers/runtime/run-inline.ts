import type { Db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobDefinition, JobPayload } from "@/lib/jobs/define";
import { parsePayload } from "@/lib/jobs/enqueue";
import type { JobHandler } from "./job-context";
import { executeRun } from "./execute-run";

/**
 * Runs a job in this process (the CLI), still as a JobRun the Jobs page shows, with the same
 * handler, progress and checkpoints as in a worker; no queue is involved, so no retries.
 */
export async function runInline<D extends JobDefinition>(db: Db, def: D, handler: JobHandler<JobPayload<D>>, payload: JobPayload<D>) {
  const data = parsePayload(def, payload);
  const run = await db.jobRun.create({ data: { type: def.name, payload: data as Prisma.InputJsonValue, message: "Running in the CLI" } });
  const { outcome, result } = await executeRun(db, handler, run.id, data, { retryCount: 0, retryLimit: 0 });
  const final = await db.jobRun.findUniqueOrThrow({ where: { id: run.id } });
  return { runId: run.id, outcome, result, error: final.error };
}
