/**
 * What keeping ConceptDegree (triggers on "Relation", migration concept_degree) costs the
 * writes that make relations: relations written in createMany batches as extraction and imports
 * write them, then a share of them deleted and re-pointed, timed with the degree triggers on and
 * off in alternating rounds on the same data, in a workspace of its own.
 *
 *   npx tsx bench/concept-degree-writes.ts [concepts=20000] [relations=100000] [rounds=3]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [C, R, ROUNDS] = [Number(process.argv[2] ?? 20_000), Number(process.argv[3] ?? 100_000), Number(process.argv[4] ?? 3)];
process.env.PRODA_HOME = fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-degree-"));

const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const { ensureDefaultDisciplines } = await import("@/lib/server/services/disciplines");
const { degreeDrift } = await import("@/lib/server/queries/concept-degree");

const handle = await openDatabase();
const db = getDb();
const BATCH = 5000; // the extraction and import batch size
const TRIGGERS = ["Relation_degree_insert", "Relation_degree_delete", "Relation_degree_update"];
const setTriggers = (on: boolean) => Promise.all(TRIGGERS.map((t) => db.$executeRawUnsafe(`ALTER TABLE "Relation" ${on ? "ENABLE" : "DISABLE"} TRIGGER "${t}"`)));
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
try {
  await ensureDefaultDisciplines(db);
  const biology = (await db.discipline.findUniqueOrThrow({ where: { slug: "biology" } })).id;
  const concepts = Array.from({ length: C }, (_, i) => ({ id: `c${i}`, disciplineId: biology, name: `concept ${i}`, canonicalName: `concept ${i}` }));
  for (let i = 0; i < C; i += BATCH) await db.concept.createMany({ data: concepts.slice(i, i + BATCH) });
  // Skewed like a textbook's structure: a few hubs take many relation ends.
  const end = () => `c${Math.floor(C * random() ** 2)}`;
  const relations = Array.from({ length: R }, (_, i) => ({ id: `r${i}`, disciplineId: biology, subjectId: end(), objectId: end(), predicate: `p${i % 40}`, evidence: `sentence ${i}` }));
  const ms = (t0: number) => Math.round(performance.now() - t0);
  for (let round = 0; round < ROUNDS; round++) {
    for (const on of [true, false]) {
      await db.$executeRawUnsafe(`TRUNCATE "Relation" CASCADE`);
      await db.$executeRawUnsafe(`DELETE FROM "ConceptDegree"`);
      await setTriggers(on);
      let t0 = performance.now();
      for (let i = 0; i < R; i += BATCH) await db.relation.createMany({ data: relations.slice(i, i + BATCH), skipDuplicates: true });
      const insert = ms(t0);
      t0 = performance.now();
      await db.$executeRawUnsafe(`DELETE FROM "Relation" WHERE id IN (SELECT id FROM "Relation" ORDER BY id LIMIT ${Math.floor(R / 10)})`);
      const del = ms(t0);
      t0 = performance.now();
      // A merge: the relations of 200 concepts moved to 200 others, one UPDATE a concept.
      for (let k = 0; k < 200; k++) await db.$executeRawUnsafe(`UPDATE "Relation" SET "subjectId" = $1 WHERE "subjectId" = $2 AND NOT EXISTS (SELECT 1 FROM "Relation" x WHERE x."subjectId" = $1 AND x.predicate = "Relation".predicate AND x."objectId" = "Relation"."objectId")`, `c${C - 1 - k}`, `c${1000 + k}`);
      const move = ms(t0);
      const drift = (await degreeDrift(db)).length;
      console.log(`round ${round + 1}, triggers ${on ? "on " : "off"}: insert ${R} relations in batches of ${BATCH} ${insert} ms, delete ${R / 10} ${del} ms, move 200 concepts' relations ${move} ms${on ? `; degrees off the count: ${drift}` : ""}`);
    }
  }
  await setTriggers(true);
} finally {
  await disconnectDb();
  await handle.release();
  fs.rmSync(process.env.PRODA_HOME!, { recursive: true, force: true });
}
