// One Postgres per test run (embedded in a temporary PRODA_HOME, or the server in DATABASE_URL)
// and one migrated template database that each integration test file copies.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { acquireEmbeddedPostgres } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    /** where tempFolder makes its folders: inside the run's home, so they go with it */
    filesRoot: string;
  }
}

export default async function setup(project: TestProject) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-test-"));
  const external = process.env.DATABASE_URL;
  const lease = external ? null : await acquireEmbeddedPostgres(home);
  const adminUrl = external ?? lease!.url;
  const template = `proda_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  await migrate(withDatabase(adminUrl, template));
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);
  const files = path.join(home, "files");
  fs.mkdirSync(files);
  project.provide("filesRoot", files);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${template} with (force)`);
    await c.end();
    await lease?.release();
    fs.rmSync(home, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
