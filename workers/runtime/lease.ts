import crypto from "node:crypto";
import os from "node:os";
import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { DB_NOW, LEASE_EXPIRED } from "@/lib/jobs/run-lease";

/**
 * How long a claim lasts without a heartbeat, how often the worker renews it, and how often
 * every worker looks for runs whose lease ran out. With the defaults a killed worker's run is
 * taken back at most lease + sweep = 45 s after its last heartbeat; a worker whose event loop or
 * database stalls for three heartbeats in a row loses its runs (and stops writing to them).
 */
export type LeaseConfig = { leaseMs: number; heartbeatMs: number; sweepMs: number };

const seconds = (fallback: number) => z.coerce.number().positive().max(3600).default(fallback);
const envSchema = z
  .object({
    PRODA_JOB_LEASE_SECONDS: seconds(30),
    PRODA_JOB_HEARTBEAT_SECONDS: seconds(10),
    PRODA_JOB_SWEEP_SECONDS: seconds(15),
  })
  .refine((e) => e.PRODA_JOB_HEARTBEAT_SECONDS * 2 <= e.PRODA_JOB_LEASE_SECONDS, {
    message: "PRODA_JOB_HEARTBEAT_SECONDS must be at most half of PRODA_JOB_LEASE_SECONDS, or a slow heartbeat loses its lease",
  });

export function leaseConfig(env: Record<string, string | undefined> = process.env): LeaseConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Job lease settings: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const e = parsed.data;
  return { leaseMs: e.PRODA_JOB_LEASE_SECONDS * 1000, heartbeatMs: e.PRODA_JOB_HEARTBEAT_SECONDS * 1000, sweepMs: e.PRODA_JOB_SWEEP_SECONDS * 1000 };
}

/** Names this process in JobRun.workerId (and in the messages of runs taken back from it). */
export const processWorkerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

/**
 * Claims a run for `workerId`: QUEUED or WAITING (or RUNNING with an expired lease) -> RUNNING,
 * one attempt more. Zero rows means a duplicate or stale delivery, a finished run, a cancelled
 * one, or one that a live worker holds. With `bossJobId`, only the run's current queue job may
 * claim it: a dead worker's job that the queue retries hours later finds it moved on.
 */
export async function claimRun(db: Db, runId: string, workerId: string, leaseMs: number, bossJobId?: string): Promise<boolean> {
  const job = bossJobId ?? null;
  const rows = await db.$executeRaw`
    UPDATE "JobRun"
    SET status = 'RUNNING', "workerId" = ${workerId}, "leaseExpiresAt" = ${DB_NOW} + ${Math.round(leaseMs)}::int * interval '1 millisecond',
        attempts = attempts + 1, message = 'Running', error = NULL, "waitUntil" = NULL,
        "startedAt" = coalesce("startedAt", ${DB_NOW}), "updatedAt" = ${DB_NOW}
    WHERE id = ${runId} AND "cancelRequestedAt" IS NULL
      AND (status IN ('QUEUED', 'WAITING') OR (status = 'RUNNING' AND ${LEASE_EXPIRED}))
      AND (${job}::text IS NULL OR "bossJobId" = ${job}::text)`;
  return rows > 0;
}

/** Extends the lease; false when this worker no longer holds the run (another took it, or it ended). */
export async function renewLease(db: Db, runId: string, workerId: string, leaseMs: number): Promise<boolean> {
  const rows = await db.$executeRaw`
    UPDATE "JobRun" SET "leaseExpiresAt" = ${DB_NOW} + ${Math.round(leaseMs)}::int * interval '1 millisecond', "updatedAt" = ${DB_NOW}
    WHERE id = ${runId} AND "workerId" = ${workerId} AND status = 'RUNNING'`;
  return rows > 0;
}

export type LeaseHolder = {
  readonly workerId: string;
  /** true once a heartbeat or a conditional write found another owner: stop writing */
  readonly lost: boolean;
  markLost(): void;
  stop(): void;
};

/** Renews the lease every heartbeat while the handler runs. A failed renewal (database down) is retried on the next beat. */
export function holdLease(db: Db, runId: string, workerId: string, cfg: Pick<LeaseConfig, "leaseMs" | "heartbeatMs">): LeaseHolder {
  let lost = false;
  let beating = false;
  const timer = setInterval(() => {
    if (beating || lost) return;
    beating = true;
    renewLease(db, runId, workerId, cfg.leaseMs)
      .then((held) => { if (!held) holder.markLost(); })
      .catch((e) => console.warn(`[worker] heartbeat of run ${runId} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => { beating = false; });
  }, cfg.heartbeatMs);
  timer.unref();
  const holder: LeaseHolder = {
    workerId,
    get lost() { return lost; },
    markLost() { lost = true; clearInterval(timer); },
    stop() { clearInterval(timer); },
  };
  return holder;
}
