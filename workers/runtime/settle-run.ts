import type { Db, Prisma } from "@/lib/server/db";
import { endCancelledIfUnheld } from "@/lib/jobs/run-lease";

/** A run as this worker holds it: every write below is conditional on still holding it. */
export type HeldRun = { db: Db; runId: string; workerId: string };

/** Sends the run's next queue job, on the transaction that parks it. */
export type Requeue = (tx: Prisma.TransactionClient, startAfter: Date) => Promise<unknown>;

/**
 * Moves a run this worker holds to its next state and releases the lease. False when another
 * worker took the run over meanwhile: then nothing is written.
 */
export async function settleRun(h: HeldRun, data: Prisma.JobRunUpdateManyMutationInput, client: Db | Prisma.TransactionClient = h.db): Promise<boolean> {
  const rows = await client.jobRun.updateMany({
    where: { id: h.runId, workerId: h.workerId, status: "RUNNING" },
    data: { workerId: null, leaseExpiresAt: null, ...data },
  });
  return rows.count > 0;
}

export type Park = { status: "WAITING" | "QUEUED"; until: Date; message: string; checkpoint?: Prisma.InputJsonValue };

/**
 * Parks a run with no worker holding it: WAITING until a time (a remote state, a rate limit), or
 * QUEUED at once (its worker is stopping). Neither is a failed attempt, so the claim's attempt is
 * given back. The next queue job is sent in the same transaction; without a queue (the CLI) the
 * caller waits in-process. A run whose cancellation was asked for meanwhile ends here instead of
 * sleeping until its next delivery.
 */
export async function parkRun(h: HeldRun, park: Park, requeue?: Requeue): Promise<"parked" | "cancelled" | "lost"> {
  const parked = await h.db.$transaction(async (tx) => {
    const parked = await settleRun(
      h,
      {
        status: park.status,
        waitUntil: park.status === "WAITING" ? park.until : null,
        message: park.message,
        attempts: { decrement: 1 },
        ...(park.checkpoint === undefined ? {} : { checkpoint: park.checkpoint }),
      },
      tx,
    );
    if (parked && requeue) await requeue(tx, park.until);
    return parked;
  });
  if (!parked) return "lost";
  return (await endCancelledIfUnheld(h.db, h.runId)) ? "cancelled" : "parked";
}
