import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/server/auth/principal";
import { subgraph, subgraphInput } from "@/lib/server/queries/subgraph";
import { getConcept, listConcepts, searchKnowledge } from "@/lib/server/queries/knowledge";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { checkStructure } from "./check-structure";
import { createConcept, mergeConcepts, updateConcept } from "./curate-concepts";
import { createChain, updateChain } from "./curate-chains";
import { createRelation, deleteRelation } from "./curate-relations";
import { itemHistory, reviewItems } from "./review";
import { exportStructure, importStructure } from "./structure-jsonl";

const t = useTestDatabase();
let expert: Principal;
const c: Record<string, string> = {};
const r: Record<string, string> = {};

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const user = await t.db().user.create({ data: { email: "ex@example.test", name: "Ex", role: "EXPERT" } });
  expert = { userId: user.id, email: user.email, name: user.name, role: "EXPERT", via: "session" };
  for (const [k, name, definition] of [
    ["light", "Light energy", "Energy carried by photons."],
    ["chem", "Chemical energy", "Energy stored in the bonds of molecules."],
    ["glucose", "Glucose", "A six-carbon sugar made by photosynthesis."],
    ["atp", "Adenosine triphosphate", "The energy currency of the cell."],
    ["cell", "Cellular respiration", null],
  ] as const) {
    c[k] = (await createConcept(t.db(), expert, { discipline: "biology", name, aliases: k === "atp" ? ["ATP"] : [], definition })).id;
  }
  r.lightChem = (await createRelation(t.db(), expert, { subjectId: c.light, predicate: "converts_to", objectId: c.chem, evidence: "Photosynthesis converts light energy into chemical energy." })).id;
  r.chemGlucose = (await createRelation(t.db(), expert, { subjectId: c.glucose, predicate: "contains", objectId: c.chem, evidence: "Glucose stores chemical energy." })).id;
  r.glucoseAtp = (await createRelation(t.db(), expert, { subjectId: c.glucose, predicate: "produces", objectId: c.atp, evidence: "Cellular respiration of glucose produces ATP." })).id;
  // "is produced by" is the inverse phrasing of produces: refused as a predicate of its own.
  r.cellAtp = (await createRelation(t.db(), expert, { subjectId: c.cell, predicate: "produces", objectId: c.atp, evidence: "Cellular respiration produces ATP." })).id;
});

describe("reachability rules", () => {
  it("refuses a chain whose steps do not link, saying which step fails", async () => {
    // light → chem, then glucose → atp: the second step does not start where the first ended.
    await expect(createChain(t.db(), expert, { relationIds: [r.lightChem, r.glucoseAtp] })).rejects.toMatchObject({
      code: "REACHABILITY_VIOLATION",
      message: expect.stringMatching(/step 2 starts at/),
    });
    await expect(createChain(t.db(), expert, { relationIds: [r.lightChem, "no-such-relation"] })).rejects.toMatchObject({
      code: "REACHABILITY_VIOLATION",
      message: expect.stringMatching(/no-such-relation, which does not exist/),
    });
  });

  it("approves a linked chain, refuses to approve one that was broken, and refuses deleting a relation an approved chain uses", async () => {
    const toChem = (await createRelation(t.db(), expert, { subjectId: c.chem, predicate: "enables", objectId: c.cell, evidence: "Chemical energy enables cellular respiration." })).id;
    const chain = await createChain(t.db(), expert, { relationIds: [r.lightChem, toChem, r.cellAtp], summary: "Light energy becomes chemical energy, which powers respiration that produces ATP." });
    await reviewItems(t.db(), expert, { level: "chain", ids: [chain.id], status: "APPROVED" });
    await expect(deleteRelation(t.db(), expert, toChem)).rejects.toMatchObject({ code: "REACHABILITY_VIOLATION", details: { chains: [chain.id] } });
    await expect(reviewItems(t.db(), expert, { level: "relation", ids: [toChem], status: "REJECTED" })).rejects.toMatchObject({ code: "REACHABILITY_VIOLATION" });

    // A draft chain with a gap (its middle step was removed) cannot be approved.
    const draft = await createChain(t.db(), expert, { relationIds: [r.lightChem, toChem] });
    await expect(updateChain(t.db(), expert, draft.id, { relationIds: [r.lightChem, r.cellAtp] })).rejects.toMatchObject({ code: "REACHABILITY_VIOLATION" });
    await t.db().chainStep.update({ where: { chainId_position: { chainId: draft.id, position: 1 } }, data: { relationId: r.cellAtp } });
    await expect(reviewItems(t.db(), expert, { level: "chain", ids: [draft.id], status: "APPROVED" })).rejects.toMatchObject({
      code: "REACHABILITY_VIOLATION",
      message: expect.stringMatching(/step 2/),
    });
    expect((await t.db().chain.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    const check = await checkStructure(t.db(), "biology");
    expect(check.ok).toBe(false);
    expect(check.violations.map((v) => v.kind)).toEqual(["chain_broken_link"]);
    await t.db().chain.delete({ where: { id: draft.id } });
    expect((await checkStructure(t.db(), "biology")).reachability).toBe(1);
  });
});

describe("curation", () => {
  it("searches names, aliases and definitions with Postgres full text", async () => {
    const found = await searchKnowledge(t.db(), { q: "currency", limit: 10 });
    expect(found.concepts.map((x) => x.id)).toEqual([c.atp]);
    expect((await listConcepts(t.db(), { q: "ATP", discipline: "biology", limit: 10 })).items.map((x) => x.id)).toContain(c.atp);
    expect((await searchKnowledge(t.db(), { q: "photosynthesis converts", limit: 10 })).relations.map((x) => x.id)).toEqual([r.lightChem]);
  });

  it("answers the best-ranked matches first, filters inside the ranking, and pages ranked results without repeats or gaps", async () => {
    // 30 concepts that mention the term once in their definition, then the one named for it (ranked first).
    for (let i = 0; i < 30; i++) {
      await createConcept(t.db(), expert, { discipline: "chemistry", name: `Catalysed reaction ${i}`, aliases: [], definition: `A reaction sped up by a zymase enzyme, variant ${i}.` });
    }
    const named = await createConcept(t.db(), expert, { discipline: "biology", name: "Zymase", aliases: [], definition: "An enzyme complex that ferments sugars (zymase)." });
    const top = await searchKnowledge(t.db(), { q: "zymase", limit: 5 });
    expect(top.concepts).toHaveLength(5);
    expect(top.concepts[0].id).toBe(named.id);
    expect((await listConcepts(t.db(), { q: "zymase", discipline: "biology", limit: 50 })).items.map((x) => x.id)).toEqual([named.id]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listConcepts(t.db(), { q: "zymase", limit: 7, cursor });
      seen.push(...p.items.map((x) => x.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    expect(seen[0]).toBe(named.id);
    await t.db().concept.deleteMany({ where: { id: { in: seen } } });
  });

  it("returns a concept with its neighbours, and a bounded subgraph around a focus", async () => {
    const atp = await getConcept(t.db(), c.atp);
    expect(atp.relations.map((x) => x.id).sort()).toEqual([r.glucoseAtp, r.cellAtp].sort());
    expect(atp.chains).toHaveLength(1);

    const near = await subgraph(t.db(), subgraphInput.parse({ focus: [c.light], depth: 1 }));
    expect(near.concepts.map((x) => x.id).sort()).toEqual([c.light, c.chem].sort());
    expect(near.relations.map((x) => x.id)).toEqual([r.lightChem]);
    const far = await subgraph(t.db(), subgraphInput.parse({ focus: [c.light], depth: 3 }));
    expect(far.concepts).toHaveLength(5);
    expect(far.chains).toHaveLength(1);
    const cut = await subgraph(t.db(), subgraphInput.parse({ focus: [c.light], depth: 3, limit: 3 }));
    expect(cut.concepts).toHaveLength(3);
    expect(cut.truncated).toBe(true);
    const onlyProduces = await subgraph(t.db(), subgraphInput.parse({ discipline: "biology", predicate: ["produces"], depth: 0, limit: 10 }));
    expect(onlyProduces.relations.every((x) => x.predicate === "produces")).toBe(true);
    const overview = await subgraph(t.db(), subgraphInput.parse({ discipline: "biology", limit: 2, depth: 0 }));
    expect(overview.concepts.map((x) => x.id)).toContain(c.chem); // the most connected (3 relations)
    expect(overview.concepts).toHaveLength(2);
  });

  it("keeps history, refuses duplicate names, and merges duplicates keeping chains reachable", async () => {
    await updateConcept(t.db(), expert, c.glucose, { definition: "A simple sugar." });
    await expect(updateConcept(t.db(), expert, c.glucose, { name: "the glucoses" })).resolves.toBeTruthy();
    await expect(createConcept(t.db(), expert, { discipline: "biology", name: "Glucose", aliases: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    const history = await itemHistory(t.db(), "concept", c.glucose);
    expect(history.map((h) => h.action)).toEqual(["knowledge.updated", "knowledge.updated", "knowledge.created"]);
    expect(history[1].details).toMatchObject({ definition: { to: "A simple sugar." } });

    const dup = await createConcept(t.db(), expert, { discipline: "biology", name: "ATP molecule", aliases: [] });
    await createRelation(t.db(), expert, { subjectId: c.glucose, predicate: "produces", objectId: dup.id, evidence: "Glucose yields ATP." });
    const merged = await mergeConcepts(t.db(), expert, c.atp, dup.id);
    expect(merged.aliases).toEqual(expect.arrayContaining(["ATP", "ATP molecule"]));
    expect(await t.db().concept.findUnique({ where: { id: dup.id } })).toBeNull();
    expect((await checkStructure(t.db())).reachability).toBe(1);
  });

  it("exports the structure as JSONL and imports it back; a bad line is reported by number and writes nothing", async () => {
    const text = await new Response(exportStructure(t.db(), "biology")).text();
    const lines = text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual([...lines.filter((l) => l.type === "concept"), ...lines.filter((l) => l.type === "relation"), ...lines.filter((l) => l.type === "chain")].map((l) => l.type));
    const before = await t.db().concept.count();
    const bad = `${text}{"type":"relation","id":"x","discipline":"biology","subject":"nowhere","predicate":"causes","object":"${c.atp}"}\nnot json\n`;
    await expect(importStructure(t.db(), expert, bad)).rejects.toMatchObject({ code: "BAD_INPUT", details: { lines: [{ line: lines.length + 2, message: expect.stringMatching(/invalid JSON/) }] } });
    await expect(importStructure(t.db(), expert, bad.replace("not json\n", ""))).rejects.toMatchObject({ details: { lines: [{ line: lines.length + 1 }] } });
    expect(await t.db().concept.count()).toBe(before);
    // A chain whose steps do not link is refused with its line, like a bad reference.
    const relations = lines.filter((l) => l.type === "relation");
    const unlinked = relations.find((a) => relations.some((b) => b !== a && a.object !== b.subject));
    const other = relations.find((b) => b !== unlinked && unlinked.object !== b.subject);
    const gap = `${text}{"type":"chain","id":"gap","discipline":"biology","steps":["${unlinked.id}","${other.id}"]}\n`;
    await expect(importStructure(t.db(), expert, gap)).rejects.toMatchObject({ details: { lines: [{ line: lines.length + 1, message: expect.stringMatching(/not reachable/) }] } });
    // Re-importing the export adds nothing (everything merges onto itself).
    expect(await importStructure(t.db(), expert, text)).toMatchObject({ concepts: before });
    expect(await t.db().concept.count()).toBe(before);
  });
});
