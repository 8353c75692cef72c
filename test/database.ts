// Integration tests call useTestDatabase() once at the top: the file gets its own database,
// copied from the migrated template, as DATABASE_URL for everything it runs.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { db, disconnectDb, type Db } from "../lib/server/db";
import { stopBoss } from "../lib/server/jobs/boss";
import { withDatabase } from "./global-setup";

export function useTestDatabase(): { db: () => Db; url: () => string } {
  const adminUrl = inject("pgAdminUrl");
  const name = `proda_test_${crypto.randomBytes(5).toString("hex")}`;
  const url = withDatabase(adminUrl, name);
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
    await admin.end();
    process.env.DATABASE_URL = url;
  });
  afterAll(async () => {
    await stopBoss();
    await disconnectDb();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { db: () => db(), url: () => url };
}
