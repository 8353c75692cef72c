// Writes the next migration: `npm run db:migration -- <name>`. It diffs the schema as of the
// last migration (kept in prisma/migrations/schema.snapshot.prisma) against prisma/schema.prisma.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { openDatabase } from "@/lib/server/database";
import { MIGRATIONS_DIR } from "@/lib/server/migrate";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const snapshot = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const database = await openDatabase({ migrate: false });
try {
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "package.json", PRISMA_QUERY_ENGINE_LIBRARY: "package.json" } },
  );
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("The schema has not changed since the last migration: nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync("prisma/schema.prisma", snapshot);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await database.release();
}
