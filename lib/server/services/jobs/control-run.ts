import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { jobDefinitions } from "@/lib/jobs/registry";
import { requeueRun } from "@/lib/jobs/enqueue";
import { getBoss } from "@/lib/server/jobs/boss";

/**
 * Asks a run to stop. A queued run is cancelled at once (and its pg-boss job with it); a
 * running one stops at its handler's next cancellation check, between two units of work.
 */
export async function cancelRun(db: Db, id: string) {
  const run = await db.jobRun.findUnique({ where: { id } });
  if (!run) throw new DomainError("NOT_FOUND", `No job run ${id}`);
  if (!["QUEUED", "RUNNING"].includes(run.status)) throw new DomainError("CONFLICT", `The job is already ${run.status.toLowerCase()}`);
  const now = new Date();
  await db.jobRun.update({ where: { id }, data: { cancelRequestedAt: now, message: "Cancelling" } });
  const wasQueued = await db.jobRun.updateMany({
    where: { id, status: "QUEUED" },
    data: { status: "CANCELLED", finishedAt: now, message: "Cancelled" },
  });
  if (wasQueued.count && run.bossJobId) await (await getBoss()).cancel(run.type, run.bossJobId).catch(() => {});
  await db.jobLog.create({ data: { runId: id, level: "warn", message: "Cancellation requested by a user" } });
  return db.jobRun.findUniqueOrThrow({ where: { id } });
}

export async function retryRun(db: Db, id: string) {
  const run = await db.jobRun.findUnique({ where: { id } });
  if (!run) throw new DomainError("NOT_FOUND", `No job run ${id}`);
  const def = jobDefinitions.find((d) => d.name === run.type);
  if (!def) throw new DomainError("CONFLICT", `Job type ${run.type} no longer exists`);
  return requeueRun(db, def, id);
}
