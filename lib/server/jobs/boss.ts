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
  for (const def of jobDefinitions) await boss.createQueue(def.name, { name: def.name, ...def.options });
  return boss;
}

export async function stopBoss() {
  const pending = globalForBoss.prodaBoss;
  globalForBoss.prodaBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000, wait: true });
}
