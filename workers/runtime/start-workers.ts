import type PgBoss from "pg-boss";
import { db } from "@/lib/server/db";
import { jobDefinitions } from "@/lib/jobs/registry";
import type { QueuedJobData } from "@/lib/jobs/define";
import { parsePayload } from "@/lib/jobs/enqueue";
import { jobHandlers } from "@/workers/handlers";
import { executeRun } from "./execute-run";

/** Subscribes a handler to every queue in the registry. */
export async function startWorkers(boss: PgBoss, opts: { pollingIntervalSeconds?: number } = {}) {
  for (const def of jobDefinitions) {
    const handler = jobHandlers[def.name];
    if (!handler) throw new Error(`No handler registered for job ${def.name}`);
    await boss.work<QueuedJobData>(
      def.name,
      { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, includeMetadata: true },
      async ([job]: PgBoss.JobWithMetadata<QueuedJobData>[]) => {
        let payload: never;
        try {
          payload = parsePayload(def, job.data.payload) as never;
        } catch (e) {
          // A payload that does not parse now will not parse on a retry either.
          await db().jobRun.update({
            where: { id: job.data.runId },
            data: { status: "FAILED", error: (e as Error).message, message: "Failed", finishedAt: new Date() },
          });
          return;
        }
        await executeRun(db(), handler, job.data.runId, payload, { retryCount: job.retryCount, retryLimit: job.retryLimit });
      },
    );
  }
}
