import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export { Prisma } from "@/lib/generated/prisma/client";

const globalForDb = globalThis as unknown as { prodaDb?: { url: string; client: PrismaClient } };

/**
 * Connections each process keeps to PostgreSQL (PRODA_DB_POOL_SIZE, default 10). A worker that runs
 * many runs at once (PRODA_WORKER_CONCURRENCY) needs more; many processes on one server need the
 * server's max_connections to cover them all (each process also holds 4 for pg-boss).
 */
export function dbPoolSize(value: string | undefined = process.env.PRODA_DB_POOL_SIZE): number {
  if (value === undefined || value.trim() === "") return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new Error(`PRODA_DB_POOL_SIZE must be a whole number from 1 to 500, not "${value}"`);
  return n;
}

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: dbPoolSize() }) });
}

/**
 * The process-wide client for DATABASE_URL. Processes that start the embedded server
 * (start script, worker, CLI, tests) set DATABASE_URL before the first call.
 */
export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the studio with `npm start` or set DATABASE_URL");
  const cached = globalForDb.prodaDb;
  if (cached && cached.url === url) return cached.client;
  const client = createDb(url);
  globalForDb.prodaDb = { url, client };
  return client;
}

export async function disconnectDb() {
  const cached = globalForDb.prodaDb;
  globalForDb.prodaDb = undefined;
  await cached?.client.$disconnect();
}
