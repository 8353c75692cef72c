import path from "node:path";
process.env.PRODA_HOME = path.resolve("/work/paper-scale-home/ws");
delete process.env.DATABASE_URL;
const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const handle = await openDatabase({ migrate: false });
const db = getDb();
const time = async (label: string, sql: string) => {
  const ts: number[] = [];
  let n = 0;
  for (let i = 0; i < 7; i++) { const t = performance.now(); const r = await db.$transaction(async (tx) => { if (process.env.RPC) await tx.$executeRawUnsafe(`SET LOCAL random_page_cost = ${process.env.RPC}`); return tx.$queryRawUnsafe<unknown[]>(sql); }); n = r.length; ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(50), ts[3].toFixed(1), "ms", n);
};
for (const term of ["energy", "membrane", "market", "kinetic energy", "photosynthesis", "signal pathway"]) {
  const q = `websearch_to_tsquery('english', '${term}')`;
  for (const table of ["Concept", "Relation", "Chain"]) {
    await time(`${term} ${table} full`, `SELECT id FROM "${table}" t WHERE t."searchDocument" @@ ${q} ORDER BY ts_rank(t."searchDocument", ${q}) DESC, id LIMIT 20`);
    await time(`${term} ${table} first 1000 by ctid`, `SELECT id FROM (SELECT id, "searchDocument" FROM "${table}" t WHERE t."searchDocument" @@ ${q} ORDER BY ctid LIMIT 1000) t ORDER BY ts_rank(t."searchDocument", ${q}) DESC, id LIMIT 20`);
  }
}
await disconnectDb();
await handle.release();
