import type PgBoss from "pg-boss";
import type { Db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/domain/errors";
import { getBoss } from "@/lib/server/jobs/boss";
import { assertNoConflict } from "./conflicts";
import type { CreatedBy } from "./created-by";
import type { JobDefinition, JobPayload, QueuedJobData } from "./define";
import { DB_NOW, LEASE_EXPIRED } from "./run-lease";

type Tx = Prisma.TransactionClient;

/** pg-boss runs its SQL on our transaction, so the JobRun row and its job commit together. */
const onTx = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
});

export function parsePayload<D extends JobDefinition>(def: D, payload: unknown): JobPayload<D> {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    throw new DomainError("BAD_INPUT", `Invalid ${def.name} payload`, parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  }
  return parsed.data as JobPayload<D>;
}

/** Creates a run's row, refused (409) while a run with an overlapping conflict key is live. */
export async function createRun<D extends JobDefinition>(tx: Tx, def: D, data: JobPayload<D>, message: string, by: CreatedBy) {
  const conflictKey = def.conflictKey?.(data) ?? null;
  if (conflictKey) await assertNoConflict(tx, conflictKey);
  return tx.jobRun.create({ data: { type: def.name, payload: data as Prisma.InputJsonValue, message, conflictKey, ...by } });
}

/**
 * Sends a pg-boss job for an existing run on `tx` and records it on the run: for a new run, a
 * retry, a takeover or a wait (`startAfter`). Deliveries of any other job of the run are skipped
 * from then on (the claim checks the job id); `replaces` is cancelled so the queue forgets it.
 */
export async function sendRunJob(
  tx: Tx,
  def: JobDefinition,
  runId: string,
  payload: unknown,
  // A worker passes its own instance: while it stops, getBoss() would start another.
  opts: { startAfter?: Date; replaces?: string | null; boss?: PgBoss } = {},
) {
  const boss = opts.boss ?? (await getBoss());
  const job: QueuedJobData = { runId, payload };
  const bossJobId = await boss.send(def.name, job, { ...def.options, ...(opts.startAfter ? { startAfter: opts.startAfter } : {}), db: onTx(tx) });
  if (!bossJobId) throw new Error(`The queue refused a job for run ${runId}`);
  if (opts.replaces) await boss.cancel(def.name, opts.replaces, { db: onTx(tx) });
  return tx.jobRun.update({ where: { id: runId }, data: { bossJobId } });
}

/** Cancels a run's pg-boss job: a dead worker's active one, a cancelled run's queued or scheduled one. */
export async function cancelQueueJob(tx: Tx | null, name: string, bossJobId: string) {
  const boss = await getBoss();
  await boss.cancel(name, bossJobId, tx ? { db: onTx(tx) } : {});
}

/**
 * Creates the JobRun, recording who started it, and sends its pg-boss job in one transaction.
 * `prepare` may write rows that belong to the run (uploaded files) inside the same transaction.
 */
export async function enqueueJob<D extends JobDefinition>(
  db: Db,
  def: D,
  payload: JobPayload<D>,
  by: CreatedBy,
  prepare?: (tx: Tx, runId: string) => Promise<void>,
) {
  const data = parsePayload(def, payload);
  await def.admit?.(db, data);
  await getBoss(); // started outside the transaction: its first start migrates pg-boss's schema
  return db.$transaction(async (tx) => {
    const run = await createRun(tx, def, data, "Queued", by);
    if (prepare) await prepare(tx, run.id);
    return sendRunJob(tx, def, run.id, data);
    // An upload of up to 200 MB is written inside this transaction; Prisma's default 5 s (and
    // even 30 s on a slow disk) would abort it half-way.
  }, { timeout: 120_000, maxWait: 10_000 });
}

/**
 * Puts a run back in the queue at a user's request: a failed or cancelled one, or one left
 * RUNNING by a worker that is gone (its lease expired). Its handler resumes from its checkpoint,
 * with a fresh budget of attempts.
 */
export async function requeueRun(db: Db, def: JobDefinition, runId: string) {
  await getBoss();
  return db.$transaction(async (tx) => {
    const before = await tx.jobRun.findUnique({ where: { id: runId } });
    if (!before) throw new DomainError("NOT_FOUND", `No job run ${runId}`);
    const rows = await tx.$executeRaw`
      UPDATE "JobRun"
      SET status = 'QUEUED', error = NULL, "cancelRequestedAt" = NULL, "finishedAt" = NULL, attempts = 0, resends = 0, "workerId" = NULL,
          "leaseExpiresAt" = NULL, "waitUntil" = NULL, message = 'Queued again', "updatedAt" = ${DB_NOW}
      WHERE id = ${runId} AND (status IN ('FAILED', 'CANCELLED') OR (status = 'RUNNING' AND ${LEASE_EXPIRED}))`;
    if (rows === 0) {
      throw new DomainError(
        "CONFLICT",
        before.status === "RUNNING"
          ? "The job is running and its worker is alive (it renews its lease); cancel it, or wait for it"
          : "Only a failed or cancelled job, or a running one whose worker stopped, can be retried",
      );
    }
    if (before.conflictKey) await assertNoConflict(tx, before.conflictKey, runId);
    const stale = before.status === "RUNNING";
    await tx.jobLog.create({ data: { runId, message: stale ? `Queued again by a user: its worker (${before.workerId ?? "unknown"}) had stopped` : "Queued again by a user" } });
    return sendRunJob(tx, def, runId, before.payload, { replaces: stale ? before.bossJobId : null });
  });
}
