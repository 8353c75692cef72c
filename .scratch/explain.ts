import path from "node:path";
process.env.PRODA_HOME = path.resolve("/work/paper-scale-home/ws");
delete process.env.DATABASE_URL;
const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const handle = await openDatabase({ migrate: false });
const db = getDb();
const q = `websearch_to_tsquery('english', 'market')`;
for (const sql of [
  `SELECT id FROM "Relation" t WHERE t."searchDocument" @@ ${q} ORDER BY ts_rank(t."searchDocument", ${q}) DESC, id LIMIT 20`,
  `SELECT sum(ts_rank(t."searchDocument", ${q})) FROM "Relation" t WHERE t."searchDocument" @@ ${q}`,
  `SELECT avg(pg_column_size(t."searchDocument")), avg(length(t.evidence)) FROM "Relation" t WHERE t."searchDocument" @@ ${q}`,
  `SELECT avg(pg_column_size(t."searchDocument")), avg(length(t.definition)) FROM "Concept" t WHERE t."searchDocument" @@ ${q}`,
]) {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
  console.log(rows.map((r) => Object.values(r)[0]).join("\n"));
  console.log(await db.$queryRawUnsafe(sql.replace(/ORDER BY.*$/, "LIMIT 1")));
}
await disconnectDb();
await handle.release();
