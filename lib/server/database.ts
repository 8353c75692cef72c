import { acquireEmbeddedPostgres, type EmbeddedLease } from "./embedded-postgres";
import { migrate } from "./migrate";
import { prodaHome } from "./proda-home";

export type DatabaseHandle = {
  url: string;
  embedded: boolean;
  release(): Promise<void>;
  /** The embedded server's lease (null with DATABASE_URL): the supervisor watches it. */
  lease: EmbeddedLease | null;
};

/**
 * DATABASE_URL when given; otherwise the shared embedded server under PRODA_HOME. Sets
 * DATABASE_URL for this process (and the children it spawns), then applies migrations.
 */
export async function openDatabase(opts: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (process.env.DATABASE_URL) {
    handle = { url: process.env.DATABASE_URL, embedded: false, release: async () => {}, lease: null };
  } else {
    const lease = await acquireEmbeddedPostgres(prodaHome());
    process.env.DATABASE_URL = lease.url;
    handle = { url: lease.url, embedded: true, release: () => lease.release(), lease };
  }
  if (opts.migrate !== false) await migrate(handle.url);
  return handle;
}
