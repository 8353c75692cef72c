import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { jobDefinitions } from "@/lib/jobs/registry";
import { cancelQueueJob, requeueRun } from "@/lib/jobs/enqueue";
import { endCancelledIfUnheld, isLive } from "@/lib/jobs/run-lease";
import { modelTrainJob } from "@/lib/jobs/model-train";
import { cancelFineTunesOfRuns } from "@/lib/server/services/models/train-model";

/**
 * Asks a run to stop. A run no live worker holds (queued, waiting, or running with an expired
 * lease: its worker is gone) is cancelled at once, with its pg-boss job; a running one stops at
 * its handler's next cancellation check, between two units of work.
 */
export async function cancelRun(db: Db, id: string) {
  const run = await db.jobRun.findUnique({ where: { id } });
  if (!run) throw new DomainError("NOT_FOUND", `No job run ${id}`);
  if (!isLive(run.status)) throw new DomainError("CONFLICT", `The job is already ${run.status.toLowerCase()}`);
  await db.jobRun.updateMany({ where: { id, cancelRequestedAt: null }, data: { cancelRequestedAt: new Date(), message: "Cancelling" } });
  const ended = await endCancelledIfUnheld(db, id);
  if (ended && run.bossJobId) await cancelQueueJob(null, run.type, run.bossJobId).catch(() => {});
  const message = !ended
    ? "Cancellation requested by a user"
    : run.status === "RUNNING"
      ? `Cancelled by a user at once: its worker (${run.workerId ?? "unknown"}) had stopped`
      : "Cancelled by a user";
  await db.jobLog.create({ data: { runId: id, level: "warn", message } });
  // A running handler cancels its remote fine-tune itself; one waiting between polls cannot.
  if (ended && run.type === modelTrainJob.name) await cancelFineTunesOfRuns(db, [id]);
  return db.jobRun.findUniqueOrThrow({ where: { id } });
}

/** Queues a failed or cancelled run again, or one whose worker stopped (see requeueRun). */
export async function retryRun(db: Db, id: string) {
  const run = await db.jobRun.findUnique({ where: { id } });
  if (!run) throw new DomainError("NOT_FOUND", `No job run ${id}`);
  const def = jobDefinitions.find((d) => d.name === run.type);
  if (!def) throw new DomainError("CONFLICT", `Job type ${run.type} no longer exists`);
  return requeueRun(db, def, id);
}
