import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { tempFolder } from "@/test/fixtures";
import { migrate, MIGRATIONS_DIR } from "./migrate";

const t = useTestDatabase();

/** A migrations folder: each name's migration.sql. */
const tempMigrations = (files: Record<string, string>) => tempFolder(Object.fromEntries(Object.entries(files).map(([name, sql]) => [path.join(name, "migration.sql"), sql])));

describe("migrate", () => {
  it("has applied the project's migrations in Prisma's table format, and reapplying is a no-op", async () => {
    const names = fs.readdirSync(MIGRATIONS_DIR).filter((n) => fs.existsSync(path.join(MIGRATIONS_DIR, n, "migration.sql")));
    const rows = await t.db().$queryRaw<{ migration_name: string; checksum: string; applied_steps_count: number }[]>`
      select migration_name, checksum, applied_steps_count from "_prisma_migrations" order by migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(names.sort());
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.applied_steps_count === 1)).toBe(true);
    expect(await migrate(t.url())).toEqual({ applied: [] });
  });

  it("applies pending files in order, in parallel callers only once, and rolls back a failing one", async () => {
    const dir = tempMigrations({
      "20990101000000_a": `create table mig_a (id int primary key);`,
      "20990101000001_b": `insert into mig_a values (1);`,
    });
    const results = await Promise.all([migrate(t.url(), dir), migrate(t.url(), dir), migrate(t.url(), dir)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(["20990101000000_a", "20990101000001_b"]);

    fs.mkdirSync(path.join(dir, "20990101000002_bad"));
    fs.writeFileSync(path.join(dir, "20990101000002_bad", "migration.sql"), `insert into mig_a values (2); select * from nowhere;`);
    await expect(migrate(t.url(), dir)).rejects.toThrow(/20990101000002_bad failed/);
    const c = new pg.Client({ connectionString: t.url() });
    await c.connect();
    expect((await c.query("select count(*)::int n from mig_a")).rows[0].n).toBe(1);
    await c.end();
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = tempMigrations({ "20990102000000_x": `create table mig_x (id int);` });
    await migrate(t.url(), dir);
    fs.writeFileSync(path.join(dir, "20990102000000_x", "migration.sql"), `create table mig_x (id bigint);`);
    await expect(migrate(t.url(), dir)).rejects.toThrow(/changed after it was applied/);
  });
});
