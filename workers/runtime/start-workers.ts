import type PgBoss from "pg-boss";
import { db } from "@/lib/server/db";
import { jobDefinitions } from "@/lib/jobs/registry";
import type { JobDefinition, QueuedJobData } from "@/lib/jobs/define";
import { parsePayload, sendRunJob } from "@/lib/jobs/enqueue";
import { jobHandlers } from "@/workers/handlers";
import type { JobHandler } from "./job-context";
import { executeRun } from "./execute-run";
import { leaseConfig, processWorkerId, type LeaseConfig } from "./lease";
import { workerConcurrency } from "./worker-concurrency";

export type WorkerOptions = {
  pollingIntervalSeconds?: number;
  workerId?: string;
  lease?: LeaseConfig;
  /** defaults to every job in lib/jobs/registry with its handler; tests pass their own */
  jobs?: { def: JobDefinition; handler: JobHandler<never> }[];
  /** runs of each kind at once in this process (PRODA_WORKER_CONCURRENCY by default) */
  concurrency?: Map<string, number>;
};

const registered = () =>
  jobDefinitions.map((def) => {
    const handler = jobHandlers[def.name];
    if (!handler) throw new Error(`No handler registered for job ${def.name}`);
    return { def, handler };
  });

/** Subscribes a handler to every queue in the registry, as many times as the kind's concurrency. Returns the kinds this worker takes. */
export async function startWorkers(boss: PgBoss, opts: WorkerOptions = {}) {
  const lease = opts.lease ?? leaseConfig();
  const workerId = opts.workerId ?? processWorkerId;
  const jobs = opts.jobs ?? registered();
  const concurrency = opts.concurrency ?? workerConcurrency(jobs.map((j) => j.def.name));
  const taken: string[] = [];
  for (const { def, handler } of jobs) {
    await boss.createQueue(def.name, { name: def.name, ...def.options });
    const n = concurrency.get(def.name) ?? 1;
    if (n > 0) taken.push(n > 1 ? `${def.name} x${n}` : def.name);
    // Each subscription fetches and runs one job at a time: n of them run up to n runs at once.
    for (let i = 0; i < n; i++) await boss.work<QueuedJobData>(
      def.name,
      { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, includeMetadata: true },
      async ([job]: PgBoss.JobWithMetadata<QueuedJobData>[]) => {
        const { runId } = job.data;
        let payload: never;
        try {
          payload = parsePayload(def, job.data.payload) as never;
        } catch (e) {
          // A payload that does not parse now will not parse on a retry either.
          await db().jobRun.updateMany({
            where: { id: runId, bossJobId: job.id, status: { in: ["QUEUED", "WAITING"] } },
            data: { status: "FAILED", error: (e as Error).message, message: "Failed", finishedAt: new Date() },
          });
          return;
        }
        await executeRun(db(), handler, runId, payload, { retryCount: job.retryCount, retryLimit: job.retryLimit, bossJobId: job.id }, {
          workerId,
          lease,
          requeue: (tx, startAfter) => sendRunJob(tx, def, runId, job.data.payload, { startAfter, boss }),
        });
      },
    );
  }
  return taken;
}
