import pg from "pg";
import PgBoss from "pg-boss";
import { jobDefinitions } from "@/lib/jobs/registry";

const globalForBoss = globalThis as unknown as { prodaBoss?: Promise<PgBoss> };

/**
 * The process's pg-boss instance. The web tier only sends (no maintenance or scheduling);
 * workers start their own with supervision on.
 */
export function getBoss(opts: { supervise?: boolean } = {}): Promise<PgBoss> {
  if (!globalForBoss.prodaBoss) {
    globalForBoss.prodaBoss = startBoss(opts.supervise ?? false).catch((e) => {
      globalForBoss.prodaBoss = undefined;
      throw e;
    });
  }
  return globalForBoss.prodaBoss;
}

async function startBoss(supervise: boolean): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({
    connectionString: url,
    application_name: "proda-boss",
    max: 4,
    supervise,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (e) => console.error("[pg-boss]", e.message));
  await boss.start();
  await createQueues(boss, url);
  return boss;
}

/**
 * Creates every job's queue, one process at a time: pg-boss makes a table per queue, and two
 * workers starting together on a new database deadlock doing it (Postgres kills one, and that
 * worker exits). A session advisory lock on its own connection serialises them across processes;
 * a queue that exists is left alone.
 */
async function createQueues(boss: PgBoss, url: string) {
  const missing = [];
  for (const def of jobDefinitions) if (!(await boss.getQueue(def.name))) missing.push(def);
  if (!missing.length) return;
  const lock = new pg.Client({ connectionString: url, application_name: "proda-queues" });
  lock.on("error", () => {});
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('proda:create-queues'))");
    for (const def of missing) if (!(await boss.getQueue(def.name))) await boss.createQueue(def.name, { name: def.name, ...def.options });
  } finally {
    await lock.end();
  }
}

export async function stopBoss() {
  const pending = globalForBoss.prodaBoss;
  globalForBoss.prodaBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000, wait: true });
}
