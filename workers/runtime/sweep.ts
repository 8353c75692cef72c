import type { Db, Prisma } from "@/lib/server/db";
import type { JobDefinition } from "@/lib/jobs/define";
import { cancelQueueJob, sendRunJob } from "@/lib/jobs/enqueue";
import { jobDefinitions } from "@/lib/jobs/registry";
import { DB_NOW, isLive, LEASE_EXPIRED, LIVE_STATUS_LIST } from "@/lib/jobs/run-lease";
import { cancelFineTunesOfRuns } from "@/lib/server/services/models/train-model";

/** `waiting`: loop stages left for their loop run to resume; `released`: stages whose loop run had ended. */
export type SweepReport = { requeued: string[]; failed: string[]; cancelled: string[]; resent: string[]; waiting: string[]; released: string[] };

/**
 * A QUEUED run older than this with no live job in the queue is an orphan: its process died
 * between recording it and running it (the CLI, a loop's stage), or the queue lost its job.
 */
export const ORPHAN_AFTER_MS = 120_000;
/**
 * How often one run is sent again for that: a queue job that keeps ending before a worker takes
 * the run (a handler that fails to start, a queue emptied by hand) fails the run instead of
 * circling for ever.
 */
export const ORPHAN_RESENDS = 3;

/** The definition's retry delay, doubled per attempt with backoff: a job that kills its worker does not loop fast. */
const retryDelayMs = (def: JobDefinition, attempts: number) =>
  def.options.retryDelay * 1000 * (def.options.retryBackoff ? 2 ** Math.max(0, attempts - 1) : 1);

/**
 * Takes back runs whose worker is gone (RUNNING, lease expired). Any worker may sweep at any
 * time: rows are locked with SKIP LOCKED, so two sweepers never take the same run, and each run
 * is settled in the transaction that sends its new queue job. A run is queued again from its
 * checkpoint (the dead attempt counts), failed once no attempt is left, or cancelled if a user
 * asked for it meanwhile.
 */
export async function sweepStaleRuns(db: Db, definitions: JobDefinition[] = jobDefinitions, limit = 20, orphanAfterMs = ORPHAN_AFTER_MS): Promise<SweepReport> {
  const report: SweepReport = { requeued: [], failed: [], cancelled: [], resent: [], waiting: [], released: [] };
  await db.$transaction(async (tx) => {
    const stale = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "JobRun" WHERE status = 'RUNNING' AND ${LEASE_EXPIRED}
      ORDER BY "leaseExpiresAt" ASC NULLS FIRST LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    for (const { id } of stale) report[await takeBack(tx, id, definitions)].push(id);
    // A queued run whose queue job is gone (pg-boss's job table holds no live job of that id)
    // would wait for ever: it is sent to the queue again, or ended when it cannot run alone.
    const orphans = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "JobRun" r
      WHERE r.status = 'QUEUED' AND r."updatedAt" < ${DB_NOW} - make_interval(secs => ${orphanAfterMs / 1000})
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = r.type AND j.id::text = r."bossJobId" AND j.state IN ('created', 'retry', 'active'))
      ORDER BY r."updatedAt" ASC LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED`;
    for (const { id } of orphans) report[await resend(tx, id, definitions)].push(id);
    // A stage left waiting for a loop run that then ended (cancelled, failed) has nobody to resume it.
    const released = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "JobRun" c SET status = 'FAILED', message = 'Failed', error = 'Its loop run ended before it resumed this stage', "finishedAt" = ${DB_NOW}, "waitUntil" = NULL, "updatedAt" = ${DB_NOW}
      FROM "JobRun" p
      WHERE c."parentRunId" = p.id AND c.status IN ('QUEUED', 'WAITING') AND p.status NOT IN ${LIVE_STATUS_LIST}
      RETURNING c.id`;
    report.released.push(...released.map((r) => r.id));
  }, { timeout: 60_000 });
  // A fine-tune the sweep ended (no attempt left, cancelled, its loop run gone) would train on at its
  // provider, and be paid for, with nobody to poll it.
  await cancelFineTunesOfRuns(db, [...report.failed, ...report.cancelled, ...report.released]).catch(() => {});
  return report;
}

type SweptRun = { id: string; bossJobId: string | null };

/** Ends a run the sweep will not queue again, with its queue job if one is left, and logs why. */
async function endRun(tx: Prisma.TransactionClient, run: SweptRun, def: JobDefinition | undefined, status: "FAILED" | "CANCELLED", error: string | null, why: string) {
  await tx.jobRun.update({
    where: { id: run.id },
    data: { workerId: null, leaseExpiresAt: null, status, message: status === "FAILED" ? "Failed" : "Cancelled", error, finishedAt: new Date() },
  });
  if (def && run.bossJobId) await cancelQueueJob(tx, def.name, run.bossJobId);
  await tx.jobLog.create({ data: { runId: run.id, level: status === "FAILED" ? "error" : "warn", message: why } });
}

async function resend(tx: Prisma.TransactionClient, id: string, definitions: JobDefinition[]): Promise<keyof SweepReport> {
  const run = await tx.jobRun.findUniqueOrThrow({ where: { id } });
  const def = definitions.find((d) => d.name === run.type);
  if (run.cancelRequestedAt) {
    await endRun(tx, run, def, "CANCELLED", null, "Cancelled while queued: its queue job was gone");
    return "cancelled";
  }
  if (run.parentRunId || !def || run.resends >= ORPHAN_RESENDS) {
    const error = !def
      ? `It was never run, and no worker runs ${run.type} jobs any more`
      : run.parentRunId
        ? `Its process stopped before running it; it is a stage of loop run ${run.parentRunId}, which runs it again when it resumes`
        : `Its queue job was gone ${run.resends + 1} times before a worker took it (sent again ${run.resends} times); see the worker's log`;
    await endRun(tx, run, def, "FAILED", error, error);
    return "failed";
  }
  await tx.jobRun.update({ where: { id }, data: { message: "Queued again: its queue job was gone", resends: { increment: 1 } } });
  await sendRunJob(tx, def, id, run.payload, { replaces: run.bossJobId });
  await tx.jobLog.create({ data: { runId: id, level: "warn", message: "Its queue job was gone (the process that recorded it stopped, or the queue lost it): queued again" } });
  return "resent";
}

async function takeBack(tx: Prisma.TransactionClient, id: string, definitions: JobDefinition[]): Promise<keyof SweepReport> {
  const run = await tx.jobRun.findUniqueOrThrow({ where: { id } });
  const def = definitions.find((d) => d.name === run.type);
  const who = `Its worker (${run.workerId ?? "unknown"}) stopped responding`;
  if (run.cancelRequestedAt) {
    await endRun(tx, run, def, "CANCELLED", null, `${who}: cancelled`);
    return "cancelled";
  }
  if (run.parentRunId) {
    // A loop run's stage runs in its parent's worker: the parent, taken back too, resumes it from
    // its checkpoint (a remote fine-tune is polled, not started again). Not queued on its own.
    const parent = await tx.jobRun.findUnique({ where: { id: run.parentRunId }, select: { status: true } });
    if (!parent || !isLive(parent.status)) {
      const error = `${who}, and its loop run ${run.parentRunId} had ended`;
      await endRun(tx, run, def, "FAILED", error, error);
      return "failed";
    }
    await tx.jobRun.update({ where: { id }, data: { workerId: null, leaseExpiresAt: null, waitUntil: null, status: "WAITING", message: "Its worker stopped: waits for its loop run to resume it" } });
    await tx.jobLog.create({ data: { runId: id, level: "warn", message: `${who}: it is a stage of loop run ${run.parentRunId}, which resumes it from its last checkpoint` } });
    return "waiting";
  }
  const allowed = def ? def.options.retryLimit + 1 : 0;
  if (!def || run.attempts >= allowed) {
    const error = def ? `${who} during attempt ${run.attempts} of ${allowed}; no attempt is left` : `${who}, and no worker runs ${run.type} jobs any more`;
    await endRun(tx, run, def, "FAILED", error, error);
    return "failed";
  }
  const delay = retryDelayMs(def, run.attempts);
  await tx.jobRun.update({ where: { id }, data: { workerId: null, leaseExpiresAt: null, status: "QUEUED", message: `${who}: queued again from its last checkpoint` } });
  await sendRunJob(tx, def, id, run.payload, { startAfter: new Date(Date.now() + delay), replaces: run.bossJobId });
  await tx.jobLog.create({
    data: { runId: id, level: "warn", message: `${who} (its lease expired): queued again from its last checkpoint, attempt ${run.attempts + 1} of ${allowed} in ${Math.round(delay / 1000)} s` },
  });
  return "requeued";
}

/**
 * Sweeps now and every `intervalMs` in this process. Every worker runs one; what one sweeper
 * takes the others skip. A sweep that fails (the database restarting) is tried again next time.
 */
export function startSweeper(db: () => Db, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sweepStaleRuns(db())
      .then((r) => {
        if (Object.values(r).some((ids) => ids.length)) {
          console.log(
            `[worker] took back runs whose worker or queue job was gone: requeued ${r.requeued.join(", ") || "none"}; sent again ${r.resent.join(", ") || "none"}; failed ${r.failed.join(", ") || "none"}; cancelled ${r.cancelled.join(", ") || "none"}; loop stages waiting for their loop run ${r.waiting.join(", ") || "none"}; loop stages whose loop run ended ${r.released.join(", ") || "none"}`,
          );
        }
      })
      .catch((e) => console.warn(`[worker] sweep failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => { running = null; });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
