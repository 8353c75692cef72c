import type { Db } from "@/lib/server/db";
import type { JobDefinition, JobPayload } from "@/lib/jobs/define";
import { BY_CLI, type CreatedBy } from "@/lib/jobs/created-by";
import { createRun, parsePayload } from "@/lib/jobs/enqueue";
import { LIVE_STATUSES } from "@/lib/jobs/run-lease";
import type { JobHandler } from "./job-context";
import { executeRun } from "./execute-run";
import { WorkerShutdownError } from "./failure";

export type InlineOptions = {
  by?: CreatedBy;
  /** the run this one is a stage of (a `loop-run` job): JobRun.parentRunId */
  parentRunId?: string;
  /** aborted when the run must stop with its parent (the parent was cancelled or taken over) */
  signal?: AbortSignal;
  /**
   * An existing run of this job (a loop's stage its dead worker left) to go on with from its
   * checkpoint, instead of recording a new one: a remote fine-tune is polled, not started again.
   */
  resume?: string;
};

/**
 * Runs a job in this process (the CLI; the first start's demo workspace, as the system; a loop
 * run's stages, in its worker), still as a JobRun the Jobs page shows, with the same handler,
 * progress, lease and checkpoints as in a worker. No queue is involved: no retries, and waits are
 * slept here. A run with a parent is taken back with its parent if the process dies (sweep.ts);
 * one without is taken back by a worker on its own.
 */
export async function runInline<D extends JobDefinition>(db: Db, def: D, handler: JobHandler<JobPayload<D>>, payload: JobPayload<D>, opts: CreatedBy | InlineOptions = {}) {
  const { by = BY_CLI, parentRunId, signal, resume } = "origin" in opts ? { by: opts } : (opts as InlineOptions);
  const data = parsePayload(def, payload);
  if (!resume) await def.admit?.(db, data);
  const run = resume
    ? await db.jobRun.update({ where: { id: resume }, data: { message: "Resumed by its loop run" } })
    : await db.$transaction(async (tx) => {
        const created = await createRun(tx, def, data, by === BY_CLI ? "Running in the CLI" : "Running in-process", by);
        return parentRunId ? tx.jobRun.update({ where: { id: created.id }, data: { parentRunId, message: "Running in its loop run's worker" } }) : created;
      });
  // The run's own watch sees the request within a second and stops it at its next check. A worker
  // shutting down is no cancel: the run stops by itself (it sees the shutdown too) and waits for
  // its loop run to resume it.
  const stop = () => {
    if (signal?.reason instanceof WorkerShutdownError) return;
    void db.jobRun
      .updateMany({ where: { id: run.id, cancelRequestedAt: null, status: { in: [...LIVE_STATUSES] } }, data: { cancelRequestedAt: new Date(), message: "Cancelling with its loop run" } })
      .catch(() => {});
  };
  if (signal?.aborted) stop();
  signal?.addEventListener("abort", stop, { once: true });
  try {
    const options = { stage: !!parentRunId };
    let report = await executeRun(db, handler, run.id, data, { retryCount: 0, retryLimit: 0 }, options);
    while (report.outcome === "waiting" && report.until) {
      // A cancelled parent does not sleep out a remote fine-tune's poll interval: the next delivery ends the run cancelled.
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.max(0, report.until!.getTime() - Date.now()));
        signal?.addEventListener("abort", () => { clearTimeout(timer); r(); }, { once: true });
      });
      report = await executeRun(db, handler, run.id, data, { retryCount: 0, retryLimit: 0 }, options);
    }
    const final = await db.jobRun.findUniqueOrThrow({ where: { id: run.id } });
    return { runId: run.id, outcome: report.outcome, result: report.result, error: final.error };
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}
