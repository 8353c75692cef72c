import type { Db } from "@/lib/server/db";
import type { JobDefinition, JobPayload } from "@/lib/jobs/define";
import { BY_CLI, type CreatedBy } from "@/lib/jobs/created-by";
import { createRun, parsePayload } from "@/lib/jobs/enqueue";
import type { JobHandler } from "./job-context";
import { executeRun } from "./execute-run";

/**
 * Runs a job in this process (the CLI; the first start's demo workspace, as the system), still as
 * a JobRun the Jobs page shows, with the same handler, progress, lease and checkpoints as in a
 * worker (if the process dies, a worker takes the run back). No queue is involved: no retries,
 * and waits are slept here.
 */
export async function runInline<D extends JobDefinition>(db: Db, def: D, handler: JobHandler<JobPayload<D>>, payload: JobPayload<D>, by: CreatedBy = BY_CLI) {
  const data = parsePayload(def, payload);
  const run = await db.$transaction((tx) => createRun(tx, def, data, by === BY_CLI ? "Running in the CLI" : "Running in-process", by));
  let report = await executeRun(db, handler, run.id, data, { retryCount: 0, retryLimit: 0 });
  while (report.outcome === "waiting" && report.until) {
    await new Promise((r) => setTimeout(r, Math.max(0, report.until!.getTime() - Date.now())));
    report = await executeRun(db, handler, run.id, data, { retryCount: 0, retryLimit: 0 });
  }
  const final = await db.jobRun.findUniqueOrThrow({ where: { id: run.id } });
  return { runId: run.id, outcome: report.outcome, result: report.result, error: final.error };
}
