import type { Db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/domain/errors";
import { getBoss } from "@/lib/server/jobs/boss";
import type { JobDefinition, JobPayload, QueuedJobData } from "./define";

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

/**
 * Creates the JobRun and sends its pg-boss job in one transaction. `prepare` may write rows
 * that belong to the run (uploaded files) inside the same transaction.
 */
export async function enqueueJob<D extends JobDefinition>(
  db: Db,
  def: D,
  payload: JobPayload<D>,
  prepare?: (tx: Tx, runId: string) => Promise<void>,
) {
  const data = parsePayload(def, payload);
  const boss = await getBoss();
  return db.$transaction(async (tx) => {
    const run = await tx.jobRun.create({ data: { type: def.name, payload: data as Prisma.InputJsonValue, message: "Queued" } });
    if (prepare) await prepare(tx, run.id);
    const job: QueuedJobData = { runId: run.id, payload: data };
    const bossJobId = await boss.send(def.name, job, { ...def.options, db: onTx(tx) });
    return tx.jobRun.update({ where: { id: run.id }, data: { bossJobId } });
  }, { timeout: 30_000 });
}

/** Puts a failed or cancelled run back in the queue; its handler resumes where it stopped. */
export async function requeueRun(db: Db, def: JobDefinition, runId: string) {
  const boss = await getBoss();
  return db.$transaction(async (tx) => {
    const rows = await tx.jobRun.updateMany({
      where: { id: runId, status: { in: ["FAILED", "CANCELLED"] } },
      data: { status: "QUEUED", error: null, cancelRequestedAt: null, finishedAt: null, message: "Queued again" },
    });
    if (rows.count === 0) throw new DomainError("CONFLICT", "Only a failed or cancelled job can be retried");
    const run = await tx.jobRun.findUniqueOrThrow({ where: { id: runId } });
    const job: QueuedJobData = { runId, payload: run.payload };
    const bossJobId = await boss.send(def.name, job, { ...def.options, db: onTx(tx) });
    await tx.jobLog.create({ data: { runId, message: "Queued again by a user" } });
    return tx.jobRun.update({ where: { id: runId }, data: { bossJobId } });
  });
}
