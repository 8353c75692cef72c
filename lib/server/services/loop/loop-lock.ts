import pg from "pg";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";

// Any constant works, as long as no other ProDa lock uses it (lib/server/migrate.ts has 727_310_001).
const LOOP_LOCK_KEY = 727_310_002;

/**
 * One loop at a time per workspace: two would both find the same stage stale and build it twice.
 * The lock is held by a connection of its own for the whole run (a loop lasts minutes, far longer
 * than a transaction should), so a loop whose process dies releases it with its connection.
 */
export async function withLoopLock<T>(fn: () => Promise<T>, url = process.env.DATABASE_URL): Promise<T> {
  if (!url) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url, application_name: "proda-loop" });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LOOP_LOCK_KEY]);
    if (!rows[0].locked) throw new DomainError("CONFLICT", "Another `proda loop` is running on this workspace: wait for it to finish, then run it again");
    return await fn();
  } finally {
    await client.end();
  }
}

/**
 * Whether some process holds the loop's lock now: a `loop-run` job or `proda loop` in a terminal.
 * pg_locks shows a bigint advisory key as its high and low 32 bits (classid, objid).
 */
export async function loopLockHeld(db: Db): Promise<boolean> {
  const rows = await db.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid::text::bigint = ${Math.floor(LOOP_LOCK_KEY / 2 ** 32)} AND objid::text::bigint = ${LOOP_LOCK_KEY % 2 ** 32} AND objsubid = 1
    ) AS held`;
  return rows[0]?.held ?? false;
}
