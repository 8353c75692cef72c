import { openDatabase, type DatabaseHandle } from "@/lib/server/database";
import { db, disconnectDb, type Db } from "@/lib/server/db";
import { shareEndpointSlots } from "@/lib/server/jobs/endpoint-slots";
import { prodaHome } from "@/lib/server/proda-home";

/** Opens the studio's database (the shared embedded server or DATABASE_URL) for one command. */
export async function withWorkspace<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const handle: DatabaseHandle = await openDatabase();
  const where = handle.embedded ? `embedded Postgres in ${prodaHome()}` : `DATABASE_URL ${redact(handle.url)}`;
  // The CLI runs on the machine that holds the database, so it acts as the local admin.
  process.stderr.write(`proda: workspace ${where} (acting as local admin)\n`);
  // Its requests to an endpoint count against the same concurrency as the workers' (endpoint-slots.ts).
  const stopSharingSlots = shareEndpointSlots(handle.url);
  try {
    return await fn(db());
  } finally {
    await stopSharingSlots();
    await disconnectDb();
    await handle.release();
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
