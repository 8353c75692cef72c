import { describe, expect, it } from "vitest";
import { DEFAULT_PREDICATES } from "../knowledge/vocabulary";
import { seededRandom } from "../random";
import { answerBias } from "./answer-bias";
import { buildBenchmark, MAX_DISTRACTOR_USES } from "./build-benchmark";
import { equivalence } from "./equivalence";
import type { TesterConcept, TesterInput, TesterRelation } from "./types";

const C = (id: string, name = id, extra: Partial<TesterConcept> = {}): TesterConcept => ({ id, name, ...extra });
const R = (id: string, subjectId: string, predicate: string, objectId: string): TesterRelation => ({ id, subjectId, predicate, objectId, evidence: `${subjectId} ${predicate} ${objectId} (${id}).` });

/** Photosynthesis in miniature: light energy → chemical energy → glucose, with neighbours. */
function photosynthesis(): TesterInput {
  const relations = [
    R("r1", "light", "converts_to", "chemical"),
    R("r2", "chemical", "located_in", "glucose"),
    R("r3", "sunlight", "converts_to", "light"),
    R("r4", "glucose", "is_a", "sugar"),
    R("r5", "fructose", "is_a", "sugar"),
    R("r6", "atp", "located_in", "mitochondrion"),
  ];
  return {
    discipline: "biology",
    concepts: [C("light", "light energy"), C("chemical", "chemical energy"), C("glucose"), C("sunlight"), C("sugar"), C("fructose"), C("atp", "ATP"), C("mitochondrion")],
    relations,
    chains: [{ id: "c1", steps: [relations[0], relations[1]] }],
    vocabulary: DEFAULT_PREDICATES,
  };
}

describe("the Tester", () => {
  it("makes one item per chain: the answer is the conclusion, the stem says the steps and names neither it nor the intermediates", () => {
    const { items, stats } = buildBenchmark([photosynthesis()], { seed: 1 });
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item.options[item.answerIndex]).toMatchObject({ operator: "ANSWER", text: "glucose" });
    expect(item.stem).toBe("Light energy is converted into something that is located in which of the following?");
    expect(item.difficulty).toBe(2);
    expect(item.path.map((s) => s.relationId)).toEqual(["r1", "r2"]);
    expect(stats.byOperator).toEqual({ INVREL: 1, TRUNC: 1, NEARMISS: 1 });
  });

  it("INVREL's option is on an inverted relation, TRUNC's on the chain before its end, NEARMISS's a sibling of the answer", () => {
    const [item] = buildBenchmark([photosynthesis()], { seed: 1 }).items;
    const by = (op: string) => item.options.find((o) => o.operator === op)!;
    expect(by("INVREL").conceptId).toBe("sunlight");
    expect(by("TRUNC").conceptId).toBe("chemical");
    expect(by("NEARMISS").conceptId).toBe("fructose");
  });

  it("never offers another concept the same path reaches, nor one that is the answer in other words", () => {
    const input = photosynthesis();
    // Chemical energy is also located in starch: "light energy → chemical energy → starch" answers the question too.
    input.concepts.push(C("starch"), C("glucoses", "Glucose"), C("blood glucose", "blood glucose"));
    input.relations.push(R("r7", "chemical", "located_in", "starch"), R("r8", "starch", "is_a", "sugar"), R("r9", "glucoses", "is_a", "sugar"), R("r10", "blood glucose", "is_a", "sugar"));
    const [item] = buildBenchmark([input], { seed: 1 }).items;
    const texts = item.options.map((o) => o.text);
    expect(texts).not.toContain("starch");
    expect(texts).not.toContain("Glucose");
    expect(texts).not.toContain("blood glucose");
    expect(item.options[item.answerIndex].text).toBe("glucose");
  });

  it("offers no TRUNC in a climb of kinds, where stopping early is also right", () => {
    const relations = [
      R("a", "neutrophil", "is_a", "phagocyte"), R("b", "phagocyte", "is_a", "leukocyte"), R("c", "basophil", "is_a", "granulocyte"), R("d", "granulocyte", "is_a", "leukocyte"),
      R("e", "erythrocyte", "is_a", "blood cell type"), R("f", "leukocyte", "is_a", "blood cell type"), R("g", "platelet", "is_a", "blood cell type"),
    ];
    const input: TesterInput = { discipline: "a", concepts: ["neutrophil", "phagocyte", "leukocyte", "basophil", "granulocyte", "erythrocyte", "blood cell type", "platelet"].map((n) => C(n)), relations, chains: [{ id: "c", steps: [relations[0], relations[1]] }], vocabulary: DEFAULT_PREDICATES };
    const { items } = buildBenchmark([input], { seed: 1 });
    expect(items[0].options.map((o) => o.operator)).not.toContain("TRUNC");
    // granulocyte is a kind of leukocyte too, but it is no class of the neutrophil's class: a fine distractor.
    expect(items[0].options.map((o) => o.text)).not.toContain("phagocyte");
    // blood cell type is a class of the neutrophil's class's class: also right, never offered.
    expect(items[0].options.map((o) => o.text)).not.toContain("blood cell type");
  });

  it("skips chains that do not reason, with the reason", () => {
    const relations = [R("a", "shear stress", "causes", "quantity"), R("b", "quantity", "causes", "magnitude of forces"), R("c", "depressant", "is_a", "drug"), R("d", "drug", "causes", "anxiety")];
    const input: TesterInput = { discipline: "p", concepts: ["shear stress", "quantity", "magnitude of forces", "depressant", "drug", "anxiety"].map((n) => C(n)), relations, chains: [{ id: "hub", steps: [relations[0], relations[1]] }, { id: "inherit", steps: [relations[2], relations[3]] }], vocabulary: DEFAULT_PREDICATES };
    const { items, skipped } = buildBenchmark([input], { seed: 1 });
    expect(items).toEqual([]);
    expect(skipped).toEqual([
      { chainId: "hub", discipline: "p", reason: "passes through a general concept" },
      { chainId: "inherit", discipline: "p", reason: "its conclusion does not follow" },
    ]);
  });

  it("rejects, with the reason, items a reader could not be asked: too few distractors, a fragment as subject, the answer named in the question, a question asked twice", () => {
    const relations = [
      R("a", "x", "causes", "y"), R("b", "y", "causes", "z"),
      R("c", "frag", "causes", "stress"), R("d", "stress", "is_a", "strain"), R("e", "shear", "is_a", "strain"), R("f", "torsion", "is_a", "strain"), R("g", "load", "causes", "frag"),
      R("h", "polar bond", "is_a", "covalent link"), R("i", "covalent link", "is_a", "bond"), R("j", "ionic bond", "is_a", "bond"), R("k", "metal", "is_a", "bond"), R("l", "pi", "is_a", "polar bond"),
    ];
    const concepts = ["x", "y", "z", "stress", "strain", "shear", "torsion", "load", "covalent link", "bond", "ionic bond", "metal", "pi"].map((n) => C(n)).concat([C("frag", "this process"), C("polar bond", "polar covalent bond")]);
    const input: TesterInput = {
      discipline: "c",
      concepts,
      relations,
      chains: [
        { id: "few", steps: [relations[0], relations[1]] },
        { id: "fragment", steps: [relations[2], relations[3]] },
        { id: "named", steps: [relations[7], relations[8]] },
      ],
      vocabulary: DEFAULT_PREDICATES,
    };
    const { items, rejected, stats } = buildBenchmark([input], { seed: 1 });
    expect(items).toEqual([]);
    expect(rejected.map((r) => [r.chainId, r.reason])).toEqual([
      ["few", "only 0 acceptable distractors"],
      ["fragment", expect.stringMatching(/^the question's subject is not a concept/)],
      ["named", "the question names the answer's words"],
    ]);
    expect(stats.rejected).toMatchObject({ "too few acceptable distractors": 1, "the question names the answer's words": 1 });

    const twice = { ...photosynthesis(), chains: [photosynthesis().chains[0], { id: "c2", steps: photosynthesis().chains[0].steps }] };
    const built = buildBenchmark([twice], { seed: 1 });
    expect(built.items).toHaveLength(1);
    expect(built.rejected).toEqual([expect.objectContaining({ chainId: "c2", reason: "the same question as another item" })]);
  });

  it("picks NEARMISS of the answer's kind and topic: a concept that only shares a word is not one", () => {
    const relations = [R("a", "kant", "uses", "reasoning"), R("b", "reasoning", "is_a", "philosophical method"), R("c", "dialectic", "is_a", "philosophical method"), R("d", "genital mutilation", "causes", "harm"), R("e", "socrates", "uses", "dialectic")];
    const concepts = [C("kant", "Kant", { topic: "d1" }), C("reasoning", "reasoning", { topic: "d1" }), C("philosophical method", "philosophical method", { topic: "d1" }), C("dialectic", "dialectic", { topic: "d1" }), C("genital mutilation", "genital mutilation method", { topic: "d2" }), C("harm", "harm", { topic: "d2" }), C("socrates", "Socrates", { topic: "d1" })];
    const input: TesterInput = { discipline: "ph", concepts, relations, chains: [{ id: "c", steps: [relations[0], relations[1]] }], vocabulary: DEFAULT_PREDICATES };
    const { items, rejected } = buildBenchmark([input], { seed: 3 });
    const options = [...items, ...rejected].flatMap((i) => i.options.map((o) => o.text));
    expect(options).not.toContain("genital mutilation method");
  });

  it("never uses one concept as a distractor in more than a few items", () => {
    const input = randomStructure(11);
    const { items } = buildBenchmark([input], { seed: 5 });
    const uses = new Map<string, number>();
    for (const item of items) for (const o of item.options) if (o.operator !== "ANSWER") uses.set(o.conceptId, (uses.get(o.conceptId) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(MAX_DISTRACTOR_USES);
  });

  it("holds the operators' properties on a random structure, balances the answer's place and length, and is deterministic", () => {
    const input = randomStructure(7);
    const first = buildBenchmark([input], { seed: 42 });
    expect(first.items.length).toBeGreaterThan(20);
    const chains = new Map(input.chains.map((c) => [c.id, c]));
    for (const item of first.items) {
      const chain = chains.get(item.chainId)!;
      const onChain = new Set([chain.steps[0].subjectId, ...chain.steps.map((s) => s.objectId)]);
      const intermediates = new Set(chain.steps.slice(0, -1).map((s) => s.objectId));
      expect(item.options[item.answerIndex].conceptId).toBe(chain.steps[chain.steps.length - 1].objectId);
      for (const [i, a] of item.options.entries()) for (const b of item.options.slice(i + 1)) expect(equivalence({ name: a.text }, { name: b.text })).toBeNull();
      for (const o of item.options) {
        if (o.operator === "TRUNC") expect(intermediates.has(o.conceptId)).toBe(true);
        if (o.operator === "NEARMISS") expect(onChain.has(o.conceptId)).toBe(false);
        if (o.operator === "INVREL") expect(input.relations.some((r) => r.subjectId === o.conceptId && onChain.has(r.objectId))).toBe(true);
      }
    }
    expect(new Set(first.items.map((i) => i.answerIndex)).size).toBe(4);
    expect(first.stats.answerBias.longestOption).toBeLessThanOrEqual(0.35);
    expect(buildBenchmark([input], { seed: 42 })).toEqual(first);
    expect(buildBenchmark([input], { seed: 43 }).items.map((i) => i.answerIndex)).not.toEqual(first.items.map((i) => i.answerIndex));
  });
});

describe("options that say the same thing", () => {
  it("are an alias, singular and plural, the same words reordered, one name inside the other, or near-identical", () => {
    expect(equivalence({ name: "ATP" }, { name: "adenosine triphosphate", aliases: ["ATP"] })).toBe("the same name or an alias");
    expect(equivalence({ name: "enzymes" }, { name: "the enzyme" })).toBe("the same name or an alias");
    expect(equivalence({ name: "erythrocyte production" }, { name: "production of erythrocytes" })).toBe("the same words reordered");
    expect(equivalence({ name: "research" }, { name: "empirical research" })).toBe("one name inside the other");
    expect(equivalence({ name: "hormones" }, { name: "hormones insulin" })).toBe("one name inside the other");
    expect(equivalence({ name: "acetylcholinesterase" }, { name: "acetylcholine-esterase" })).toBe("near-identical names");
    expect(equivalence({ name: "glucose" }, { name: "fructose" })).toBeNull();
    expect(equivalence({ name: "social policy" }, { name: "economic policy" })).toBeNull();
  });
});

describe("answer-bias baselines", () => {
  it("score guessing by length, by words shared with the question and by frequency, ties shared", () => {
    const item = (stem: string, options: string[], answerIndex: number) => ({ stem, options: options.map((text) => ({ text })), answerIndex });
    const bias = answerBias([
      item("Glucose is stored in which?", ["liver cells", "muscle", "bone", "fat"], 0), // the longest is the answer
      item("Insulin lowers which?", ["blood glucose", "insulin resistance", "heart rate", "bone"], 0), // "insulin" is shared by a distractor
      item("Bone is part of which?", ["skeleton", "muscle", "fat", "liver cells"], 0),
    ]);
    expect(bias.items).toBe(3);
    expect(bias.chance).toBe(0.25);
    expect(bias.longestOption).toBeCloseTo((1 + 0 + 0) / 3, 3);
    // item 1: no option shares a word (4-way tie, 1/4); item 2: "insulin resistance" alone; item 3: 4-way tie.
    expect(bias.stemOverlap).toBeCloseTo((0.25 + 0 + 0.25) / 3, 3);
    // frequencies: liver cells 2, muscle 2, bone 2, fat 2, skeleton 1, ...: item 1 ties 4 (1/4), item 2 bone 2 vs others 1 (0), item 3 ties 3 of 4 excluding skeleton (0).
    expect(bias.mostFrequentOption).toBeCloseTo((0.25 + 0 + 0) / 3, 3);
  });
});

function randomStructure(seed: number): TesterInput {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const heads = ["kinase", "receptor", "channel", "hormone", "enzyme", "vesicle"];
  const mods = ["kinetic", "potential", "membrane", "amino", "nucleic", "magnetic", "electric", "plant", "animal", "free"];
  const concepts = Array.from({ length: 120 }, (_, i) => C(`k${i}`, `${pick(mods)} ${pick(heads)} ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, { topic: `d${i % 6}` }));
  const predicates = ["causes", "produces", "increases", "is_a"];
  const relations: TesterRelation[] = Array.from({ length: 400 }, (_, i) => R(`r${i}`, pick(concepts).id, pick(predicates), pick(concepts).id)).filter((r) => r.subjectId !== r.objectId);
  const out = new Map<string, TesterRelation[]>();
  for (const r of relations) out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), r]);
  const chains = [];
  for (const r of relations.slice(0, 150)) {
    const steps = [r];
    const seen = new Set([r.subjectId, r.objectId]);
    while (steps.length < 2 + Math.floor(random() * 2)) {
      const next = (out.get(steps[steps.length - 1].objectId) ?? []).find((n) => !seen.has(n.objectId) && (n.predicate === "is_a" || steps[steps.length - 1].predicate !== "is_a"));
      if (!next) break;
      seen.add(next.objectId);
      steps.push(next);
    }
    if (steps.length >= 2) chains.push({ id: `c${chains.length}`, steps });
  }
  return { discipline: "test", concepts, relations, chains, vocabulary: DEFAULT_PREDICATES };
}
