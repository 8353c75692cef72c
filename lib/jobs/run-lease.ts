import { Prisma, type Db } from "@/lib/server/db";

type Client = Db | Prisma.TransactionClient;

/** Statuses of a run that is not finished: it holds its conflict key, and it may be cancelled. */
export const LIVE_STATUSES = ["QUEUED", "RUNNING", "WAITING"] as const;

/** Whether a run in `status` is not finished (LIVE_STATUSES). */
export const isLive = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);

/** LIVE_STATUSES as an SQL list, for `status IN ...` (constants, not input). */
export const LIVE_STATUS_LIST = Prisma.raw(`(${LIVE_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/**
 * The database's clock in UTC, as Prisma stores DateTime (timestamp without time zone). Leases are
 * written and compared on this one clock, whatever the clocks of the machines running workers say.
 */
export const DB_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * A RUNNING run that nobody holds: its lease ran out. A run claimed before leases existed has
 * none; it counts as held while it still reports progress.
 */
export const LEASE_EXPIRED = Prisma.sql`("leaseExpiresAt" < ${DB_NOW} OR ("leaseExpiresAt" IS NULL AND "updatedAt" < ${DB_NOW} - interval '10 minutes'))`;

/**
 * Ends a run whose cancellation was asked for, if no live worker holds it (queued, waiting, or
 * running with an expired lease): such a run has nobody to notice the request. Returns whether it did.
 */
export async function endCancelledIfUnheld(db: Client, runId: string): Promise<boolean> {
  const ended = await db.$executeRaw`
    UPDATE "JobRun"
    SET status = 'CANCELLED', "finishedAt" = ${DB_NOW}, message = 'Cancelled', "workerId" = NULL,
        "leaseExpiresAt" = NULL, "waitUntil" = NULL, "updatedAt" = ${DB_NOW}
    WHERE id = ${runId} AND "cancelRequestedAt" IS NOT NULL
      AND (status IN ('QUEUED', 'WAITING') OR (status = 'RUNNING' AND ${LEASE_EXPIRED}))`;
  return ended > 0;
}
