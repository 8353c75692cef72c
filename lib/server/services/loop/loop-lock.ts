import pg from "pg";
import { DomainError } from "@/lib/domain/errors";

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
