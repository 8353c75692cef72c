import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export { Prisma } from "@/lib/generated/prisma/client";

const globalForDb = globalThis as unknown as { prodaDb?: { url: string; client: PrismaClient } };

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
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
