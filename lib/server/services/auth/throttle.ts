import { DomainError } from "@/lib/domain/errors";
import { Prisma, type Db } from "@/lib/server/db";
import { auditData, type AuditAction, type AuditInput } from "./audit";

/**
 * Guessing a secret is slowed, never locked: past a few free failures each further attempt waits
 * twice as long as the last (1 s, 2 s, 4 s … at most 15 minutes) after the latest failure, which
 * costs an owner who mistyped a few seconds and a guesser nearly everything.
 */
export const BACKOFF = { windowMinutes: 60, baseSeconds: 1, maxSeconds: 15 * 60 };

export function backoffSeconds(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(BACKOFF.baseSeconds * 2 ** (failures - free - 1), BACKOFF.maxSeconds);
}

/** One counter: the failures the audit log holds that match `where`, after `since` (if later than the window). */
export type ThrottleKey = { free: number; where: Prisma.AuditEventWhereInput; since?: Date };

/** Seconds to wait before another attempt under every key (0: go ahead); `except` is the attempt itself. */
export async function secondsToWait(db: Db, keys: ThrottleKey[], except?: bigint, now = Date.now()): Promise<number> {
  const windowStart = now - BACKOFF.windowMinutes * 60_000;
  const waits = await Promise.all(
    keys.map(async (k) => {
      const since = new Date(Math.max(windowStart, k.since?.getTime() ?? 0));
      const agg = await db.auditEvent.aggregate({
        where: { ...k.where, at: { gt: since }, ...(except !== undefined ? { id: { not: except } } : {}) },
        _count: { _all: true },
        _max: { at: true },
      });
      const delay = backoffSeconds(agg._count._all, k.free);
      const last = agg._max.at?.getTime() ?? now;
      return delay ? Math.max(0, Math.ceil(delay - (now - last) / 1000)) : 0;
    }),
  );
  return Math.max(0, ...waits);
}

const inWords = (s: number) => (s < 90 ? `${s} second${s === 1 ? "" : "s"}` : `${Math.ceil(s / 60)} minutes`);

export type Attempt = {
  /** The attempt failed: it stays in the log, and counts. */
  failed: (reason: string) => Promise<void>;
  /** The attempt succeeded: its row becomes the success's audit event. */
  succeeded: (event: Omit<AuditInput, "ip" | "subject">) => Promise<void>;
};

/**
 * Starts an attempt at a secret: it is logged as a failure *before* the secret is checked, so
 * attempts sent in parallel count one another, and refused (429) while any key says to wait.
 */
export async function beginAttempt(db: Db, failure: AuditInput & { action: AuditAction }, keys: ThrottleKey[], what: string): Promise<Attempt> {
  const { id } = await db.auditEvent.create({ data: auditData({ ...failure, details: { reason: "pending" } }), select: { id: true } });
  const wait = await secondsToWait(db, keys, id);
  if (wait > 0) {
    // A refused attempt checked nothing: it neither counts nor lengthens the wait.
    await db.auditEvent.delete({ where: { id } });
    throw new DomainError("RATE_LIMITED", `Too many ${what}; try again in ${inWords(wait)}`, { retryAfterSeconds: wait });
  }
  return {
    failed: async (reason) => {
      await db.auditEvent.update({ where: { id }, data: { details: { ...failure.details, reason } } });
    },
    succeeded: async (event) => {
      const data = auditData({ ...event, subject: failure.subject, ip: failure.ip });
      await db.auditEvent.update({ where: { id }, data: { ...data, details: data.details ?? Prisma.DbNull } });
    },
  };
}
