import path from "node:path";
process.env.PRODA_HOME = path.resolve("/work/paper-scale-home/ws");
delete process.env.DATABASE_URL;
const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const handle = await openDatabase({ migrate: false });
const db = getDb();
const [{ id: d }] = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Discipline" WHERE slug = 'biology'`);
const time = async (label: string, sets: string[], sql: string) => {
  const ts: number[] = [];
  for (let i = 0; i < 9; i++) { const t = performance.now(); await db.$transaction(async (tx) => { for (const s of sets) await tx.$executeRawUnsafe(`SET LOCAL ${s}`); return tx.$queryRawUnsafe<unknown[]>(sql); }); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(60), ts[4].toFixed(1), "ms");
};
const current = `SELECT c.id FROM "Concept" c LEFT JOIN (SELECT "subjectId" AS id FROM "Relation" WHERE "disciplineId" = '${d}' UNION ALL SELECT "objectId" FROM "Relation" WHERE "disciplineId" = '${d}') e ON e.id = c.id WHERE c."disciplineId" = '${d}' GROUP BY c.id ORDER BY count(e.id) DESC, c.id LIMIT 301`;
const ends = `SELECT id FROM (SELECT e.id, count(*) AS n FROM (SELECT "subjectId" AS id FROM "Relation" WHERE "disciplineId" = '${d}' UNION ALL SELECT "objectId" FROM "Relation" WHERE "disciplineId" = '${d}') e GROUP BY e.id) x ORDER BY n DESC, id LIMIT 301`;
for (const [label, sets] of [["rpc 4", ["random_page_cost = 4"]], ["rpc 1.1", []], ["rpc 1.1 no parallel", ["max_parallel_workers_per_gather = 0"]], ["rpc 4 no parallel", ["random_page_cost = 4", "max_parallel_workers_per_gather = 0"]]] as const) {
  await time(`current ${label}`, [...sets], current);
  await time(`ends first ${label}`, [...sets], ends);
}
await disconnectDb();
await handle.release();
