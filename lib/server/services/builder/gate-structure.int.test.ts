import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import type { ItemOption, PathStep } from "@/lib/domain/tester";
import { checkGates } from "@/lib/server/services/check-gates";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { approveTrainingSet } from "./approve-training-set";
import { checkOrthogonality } from "./check-orthogonality";
import { contentHash } from "./content-hash";

// A hand-made biology structure with one chain, light energy -> chemical energy -> glucose -> starch,
// and a frozen benchmark whose one item records that chain's steps with their ids as the Tester
// does; then hand-made training sets run through the gate and ask for approval.
const t = useTestDatabase();
let disciplineId: string;
let itemId: string;
const concept: Record<string, string> = {};
const relation: Record<string, string> = {};

const NAMES = ["light energy", "chemical energy", "glucose", "starch", "heat energy", "cellulose", "chlorophyll"];
const STEPS: [string, string, string, string][] = [
  ["r1", "light energy", "converts_to", "chemical energy"],
  ["r2", "chemical energy", "located_in", "glucose"],
  ["r3", "glucose", "part_of", "starch"],
  ["x1", "light energy", "converts_to", "heat energy"],
  // a shortcut from the chain's start to its answer: teaching it gives the item away
  ["x2", "light energy", "leads_to", "starch"],
];

beforeAll(async () => {
  const db = t.db();
  await ensureDefaultDisciplines(db);
  disciplineId = (await db.discipline.findUniqueOrThrow({ where: { slug: "biology" } })).id;
  for (const name of NAMES) {
    concept[name] = (await db.concept.create({ data: { disciplineId, name, canonicalName: name.toLowerCase(), definition: `${name} is a term of biology.` } })).id;
  }
  for (const [key, s, predicate, o] of STEPS) {
    relation[key] = (await db.relation.create({ data: { disciplineId, subjectId: concept[s], predicate, objectId: concept[o], evidence: `In cells, ${s} ${predicate.replace("_", " ")} ${o}.` } })).id;
  }
  const chain = await db.chain.create({ data: { disciplineId, signature: [relation.r1, relation.r2, relation.r3].join(",") } });
  await db.chainStep.createMany({ data: ["r1", "r2", "r3"].map((key, position) => ({ chainId: chain.id, position, relationId: relation[key] })) });
  const path: PathStep[] = ["r1", "r2", "r3"].map((key) => {
    const [, subject, predicate, object] = STEPS.find(([k]) => k === key)!;
    return { subject, predicate, object, relationId: relation[key], subjectId: concept[subject], objectId: concept[object] };
  });
  const options: ItemOption[] = [
    { text: "heat energy", conceptId: concept["heat energy"], operator: "INVREL" },
    { text: "starch", conceptId: concept.starch, operator: "ANSWER" },
    { text: "chemical energy", conceptId: concept["chemical energy"], operator: "TRUNC" },
    { text: "cellulose", conceptId: concept.cellulose, operator: "NEARMISS" },
  ];
  const benchmark = await db.benchmark.create({ data: { version: 1, name: "Benchmark v1", status: "FROZEN", frozenAt: new Date(), seed: 1, disciplines: ["biology"], report: {}, itemCount: 1 } });
  const stem = "Light energy is converted into X1, X1 is located in X2, and X2 is part of X3. What is X3?";
  itemId = (await db.benchmarkItem.create({ data: { benchmarkId: benchmark.id, disciplineId, chainId: chain.id, position: 0, stem, options, answerIndex: 1, difficulty: 3, path } })).id;
}, 120_000);

type Instance = { kind: string; prompt: string; completion: string; concepts?: string[]; relations?: string[] };

/** Single-relation instances as the Builder writes them: each teaches one step, none leaks two. */
const CLEAN: Instance[] = [
  { kind: "relation", prompt: "Complete the statement: Light energy is converted into …", completion: "Light energy is converted into chemical energy.", concepts: ["light energy", "chemical energy"], relations: ["r1"] },
  { kind: "relation", prompt: "Complete the statement: Chemical energy is located in …", completion: "Chemical energy is located in glucose.", concepts: ["chemical energy", "glucose"], relations: ["r2"] },
  { kind: "inverse", prompt: "Complete the statement: Starch has as a part …", completion: "Starch has as a part glucose.", concepts: ["starch", "glucose"], relations: ["r3"] },
  { kind: "definition", prompt: "What is chlorophyll?", completion: "Chlorophyll is a green pigment.", concepts: ["chlorophyll"] },
];

async function trainingSet(name: string, extra: Instance[]) {
  const rows = [...CLEAN, ...extra].map((x, position) => ({
    disciplineId,
    position,
    kind: x.kind,
    prompt: x.prompt,
    completion: x.completion,
    conceptIds: (x.concepts ?? []).map((c) => concept[c]),
    relationIds: (x.relations ?? []).map((r) => relation[r]),
    contentHash: contentHash(x.prompt, x.completion),
  }));
  const set = await t.db().trainingSet.create({ data: { name, version: 1, status: "DRAFT", settings: {}, lineage: {}, instanceCount: rows.length, instances: { create: rows } } });
  const instances = await t.db().trainingInstance.findMany({ where: { trainingSetId: set.id }, orderBy: { position: "asc" }, select: { id: true } });
  return { id: set.id, leak: instances[instances.length - 1]?.id };
}

async function refusal(trainingSetId: string): Promise<DomainError> {
  const error = await approveTrainingSet(t.db(), null, trainingSetId).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("the gate knows the structure", () => {
  it("passes a set whose instances each teach one step, and approves it", async () => {
    const set = await trainingSet("clean", []);
    expect(await checkOrthogonality(t.db(), set.id, undefined)).toMatchObject({ passed: true, violations: 0, checked: CLEAN.length, items: 1 });
    expect((await approveTrainingSet(t.db(), null, set.id)).status).toBe("APPROVED");
  });

  it("fails an instance that teaches two consecutive steps by its links, naming the instance, the item and the steps; approval is refused", async () => {
    const set = await trainingSet("by-links", [
      // A patch that links steps 2 and 3 although its text names only two of their concepts.
      { kind: "relation", prompt: "Which fact about sugar should a student know?", completion: "Chemical energy is located in glucose.", concepts: ["chemical energy", "glucose"], relations: ["r2", "r3"] },
    ]);
    const report = await checkOrthogonality(t.db(), set.id, undefined);
    const violation = { instanceId: set.leak, itemId, kind: "path", shared: "steps 2–3: chemical energy is located in glucose; glucose is part of starch", similarity: 1 };
    expect(report).toMatchObject({ passed: false, violations: 1, pairs: [violation] });
    expect(await t.db().orthogonalityViolation.findMany({ where: { checkId: report.checkId }, select: { instanceId: true, itemId: true, kind: true, shared: true, similarity: true } })).toEqual([violation]);

    const refused = await refusal(set.id);
    expect(refused.code).toBe("ORTHOGONALITY_VIOLATION");
    expect(refused.message).toBe("1 training instance–benchmark item pairs overlap");
    expect(refused.details).toEqual({ pairs: [{ instanceId: set.leak, itemId, kind: "path", shared: violation.shared }] });
    expect((await t.db().trainingSet.findUniqueOrThrow({ where: { id: set.id } })).status).toBe("DRAFT");
  });

  it("fails an instance without links whose text states two consecutive steps; approval is refused", async () => {
    const set = await trainingSet("by-text", [
      { kind: "explanation", prompt: "Where does the energy in sugar come from?", completion: "Chloroplasts turn light energy into chemical energy, and that chemical energy is kept in glucose molecules." },
    ]);
    const report = await checkOrthogonality(t.db(), set.id, undefined);
    expect(report).toMatchObject({
      passed: false,
      violations: 1,
      pairs: [{ instanceId: set.leak, itemId, kind: "path", shared: "steps 1–2: light energy is converted into chemical energy; chemical energy is located in glucose", similarity: 1 }],
    });
    const refused = await refusal(set.id);
    expect(refused.code).toBe("ORTHOGONALITY_VIOLATION");
    expect(refused.details).toEqual({ pairs: [expect.objectContaining({ instanceId: set.leak, itemId, kind: "path" })] });
  });

  it("fails a relation instance that names the item's start and answer, and proda check reports it", async () => {
    const set = await trainingSet("shortcut", [
      { kind: "relation", prompt: "Complete the statement: Light energy leads to …", completion: "Light energy leads to starch.", concepts: ["light energy", "starch"], relations: ["x2"] },
    ]);
    const report = await checkOrthogonality(t.db(), set.id, undefined);
    expect(report.pairs).toEqual([expect.objectContaining({ instanceId: set.leak, itemId, kind: "shortcut", shared: expect.stringMatching(/^steps 1–3 \(start light energy, answer starch\): /) })]);
    await expect(approveTrainingSet(t.db(), null, set.id)).rejects.toThrow(/pairs overlap/);

    // `proda check` checks the latest version of every set; its --json is this report.
    const gates = await checkGates(t.db());
    expect(gates.ok).toBe(false);
    const byName = Object.fromEntries(gates.orthogonality.trainingSets.map((s) => [s.name, s.pairs.map((p) => [p.itemId, p.kind])]));
    expect(byName).toEqual({ clean: [], "by-links": [[itemId, "path"]], "by-text": [[itemId, "path"]], shortcut: [[itemId, "shortcut"]] });
  });
});
