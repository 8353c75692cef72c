// ConceptDegree (relation ends at a concept) is kept by triggers on "Relation" (migration
// concept_degree): after every kind of write the relations get, it must equal a count.
import { beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { degreeDrift } from "./concept-degree";
import { subgraph, subgraphInput } from "./subgraph";

const t = useTestDatabase();
let biology = "";
const ids: string[] = [];

const drift = () => degreeDrift(t.db());
const degreeOf = async (id: string) => (await t.db().conceptDegree.findUnique({ where: { conceptId: id } }))?.degree ?? 0;
const relation = (s: number, o: number, predicate = "related_to") => ({ disciplineId: biology, subjectId: ids[s], objectId: ids[o], predicate, evidence: `${s} ${predicate} ${o}` });

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  biology = (await t.db().discipline.findUniqueOrThrow({ where: { slug: "biology" } })).id;
  for (let i = 0; i < 8; i++) ids.push((await t.db().concept.create({ data: { disciplineId: biology, name: `concept ${i}`, canonicalName: `concept ${i}` } })).id);
});

describe("ConceptDegree", () => {
  it("follows inserts (one, many, duplicates skipped), moves, other updates and deletes", async () => {
    await t.db().relation.create({ data: relation(0, 1) });
    expect(await degreeOf(ids[0])).toBe(1);
    // A batch as extraction writes it, with a self-relation and a duplicate the insert skips.
    const batch = [relation(0, 2), relation(0, 3), relation(2, 3), relation(4, 4, "part_of"), relation(0, 1)];
    expect((await t.db().relation.createMany({ data: batch, skipDuplicates: true })).count).toBe(4);
    expect(await drift()).toEqual([]);
    expect(await degreeOf(ids[0])).toBe(3);
    expect(await degreeOf(ids[4])).toBe(2);

    // A merge re-points relations; a review changes only the status.
    const moved = await t.db().relation.findFirstOrThrow({ where: { subjectId: ids[2] } });
    await t.db().relation.update({ where: { id: moved.id }, data: { subjectId: ids[5] } });
    await t.db().relation.updateMany({ where: { disciplineId: biology }, data: { status: "APPROVED" } });
    expect(await drift()).toEqual([]);
    expect(await degreeOf(ids[2])).toBe(1);
    expect(await degreeOf(ids[5])).toBe(1);

    await t.db().relation.deleteMany({ where: { subjectId: ids[0] } });
    expect(await drift()).toEqual([]);
    expect(await degreeOf(ids[0])).toBe(0);
    // Raw SQL is kept too (the triggers are the database's, not the client's).
    await t.db().$executeRawUnsafe(`DELETE FROM "Relation" WHERE "subjectId" = $1`, ids[4]);
    expect(await degreeOf(ids[4])).toBe(0);
    expect(await drift()).toEqual([]);
  });

  it("orders the discipline overview by it", async () => {
    await t.db().relation.createMany({ data: [relation(6, 7), relation(6, 1), relation(6, 3), relation(7, 1, "part_of")] });
    expect(await drift()).toEqual([]);
    const overview = await subgraph(t.db(), subgraphInput.parse({ discipline: "biology", limit: 2, depth: 0 }));
    // 6 has three relation ends; 1, 3 and 7 two each: the tie goes to the smaller id.
    const [second] = [ids[1], ids[3], ids[7]].sort();
    expect(overview.concepts.map((c) => c.id).sort()).toEqual([ids[6], second].sort());
    // Asked for more than have relations: the unconnected ones follow, in id order.
    const all = await subgraph(t.db(), subgraphInput.parse({ discipline: "biology", limit: 100, depth: 0 }));
    expect(all.concepts).toHaveLength(ids.length);
    expect(all.truncated).toBe(false);
  });

  it("is zero for every concept once the relations are truncated", async () => {
    await t.db().$executeRawUnsafe(`TRUNCATE "Relation" CASCADE`);
    expect(await drift()).toEqual([]);
    expect(await t.db().conceptDegree.count()).toBe(0);
  });
});
