// A copy of a test file's database in the same server (CREATE DATABASE … TEMPLATE), for a clean
// baseline run beside a drill: both start from the same rows. The source must have no open
// connection while it is copied (disconnect the process's client first).
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { withDatabase } from "./global-setup";

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function cloneDatabase(sourceUrl: string): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const source = new URL(sourceUrl).pathname.slice(1);
  const name = `proda_clone_${crypto.randomBytes(4).toString("hex")}`;
  await admin(`create database ${name} template ${source}`);
  const url = withDatabase(inject("pgAdminUrl"), name);
  const db = createDb(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
