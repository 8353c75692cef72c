import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireEmbeddedPostgres, isAlive as alive } from "./embedded-postgres";

const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-home-"));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe("shared embedded Postgres", () => {
  it("is started once, shared through the record in PRODA_HOME, and stopped by the last user", async () => {
    const first = await acquireEmbeddedPostgres(home);
    const second = await acquireEmbeddedPostgres(home);
    expect(second.record).toEqual(first.record);
    const record = JSON.parse(fs.readFileSync(path.join(home, "postgres.json"), "utf8"));
    expect(record).toMatchObject({ port: first.record.port, pid: first.record.pid });
    await first.release();
    expect(alive(first.record.pid)).toBe(true); // still in use by `second`
    await second.release();
    expect(fs.existsSync(path.join(home, "postgres.json"))).toBe(false);
    expect(alive(first.record.pid)).toBe(false);
  });

  it("cleans up a stale record whose server is gone and starts a new one", async () => {
    fs.writeFileSync(path.join(home, "postgres.json"), JSON.stringify({ port: 1, pid: 999_999, dataDir: path.join(home, "pg") }));
    const lease = await acquireEmbeddedPostgres(home);
    expect(lease.record.pid).not.toBe(999_999);
    expect(alive(lease.record.pid)).toBe(true);
    await lease.release();
  });
});
