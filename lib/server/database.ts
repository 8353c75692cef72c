import { acquireEmbeddedPostgres } from "./embedded-postgres";
import { migrate } from "./migrate";
import { prodaHome } from "./proda-home";

export type DatabaseHandle = { url: string; embedded: boolean; release(): Promise<void> };

/**
 * DATABASE_URL when given; otherwise the shared embedded server under PRODA_HOME. Sets
 * DATABASE_URL for this process (and the children it spawns), then applies migrations.
 */
export async function openDatabase(opts: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (process.env.DATABASE_URL) {
    handle = { url: process.env.DATABASE_URL, embedded: false, release: async () => {} };
  } else {
    const lease = await acquireEmbeddedPostgres(prodaHome());
    process.env.DATABASE_URL = lease.url;
    handle = { url: lease.url, embedded: true, release: () => lease.release() };
  }
  if (opts.migrate !== false) await migrate(handle.url);
  return handle;
}
