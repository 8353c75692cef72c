import { describe, expect, it } from "vitest";
import { DEFAULT_PREDICATES } from "../knowledge/vocabulary";
import { seededRandom } from "../random";
import { buildBenchmark } from "./build-benchmark";
import type { TesterInput, TesterRelation } from "./types";

const C = (id: string, name = id) => ({ id, name });
const R = (id: string, subjectId: string, predicate: string, objectId: string): TesterRelation => ({ id, subjectId, predicate, objectId });

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
  it("makes one item per chain: the answer is the conclusion, the stem names neither it nor the intermediates", () => {
    const { items, stats } = buildBenchmark([photosynthesis()], { seed: 1 });
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item.options[item.answerIndex]).toMatchObject({ operator: "ANSWER", text: "glucose" });
    expect(item.stem).toBe("Light energy is converted into X1, and X1 is located in X2. What is X2?");
    expect(item.stem).not.toMatch(/glucose|chemical energy/);
    expect(item.difficulty).toBe(2);
    expect(item.options.map((o) => o.operator).sort()).toEqual(["ANSWER", "INVREL", "NEARMISS", "TRUNC"]);
    expect(stats.byOperator).toEqual({ INVREL: 1, TRUNC: 1, NEARMISS: 1 });
  });

  it("INVREL's option is on an inverted relation, TRUNC's on the chain before its end, NEARMISS's off the chain", () => {
    const [item] = buildBenchmark([photosynthesis()], { seed: 1 }).items;
    const by = (op: string) => item.options.find((o) => o.operator === op)!;
    expect(by("INVREL").conceptId).toBe("sunlight"); // sunlight converts_to light energy: the chain's first step run backwards
    expect(by("TRUNC").conceptId).toBe("chemical");
    expect(by("NEARMISS").conceptId).toBe("fructose"); // a sibling of glucose under sugar
  });

  it("never offers as a distractor another concept the same path reaches (a second right answer)", () => {
    const input = photosynthesis();
    // Chemical energy is also located in starch: "light energy → chemical energy → starch" answers the same question.
    input.concepts.push(C("starch"));
    input.relations.push(R("r7", "chemical", "located_in", "starch"), R("r8", "starch", "is_a", "sugar"));
    const [item] = buildBenchmark([input], { seed: 1 }).items;
    expect(item.options.map((o) => o.text)).not.toContain("starch");
    expect(item.options[item.answerIndex].text).toBe("glucose");
  });

  it("skips a chain whose distractors cannot be made distinct, with the reason", () => {
    const relations = [R("a", "x", "causes", "y"), R("b", "y", "causes", "z")];
    const input: TesterInput = { discipline: "physics", concepts: [C("x"), C("y"), C("z")], relations, chains: [{ id: "c", steps: relations }], vocabulary: DEFAULT_PREDICATES };
    const { items, skipped } = buildBenchmark([input], { seed: 1 });
    expect(items).toHaveLength(0);
    expect(skipped).toEqual([{ chainId: "c", discipline: "physics", reason: "only 1 distinct distractor" }]);
  });

  it("holds the operators' properties on a random structure, shuffles the answer and is deterministic", () => {
    const input = randomStructure(7);
    const first = buildBenchmark([input], { seed: 42 });
    expect(first.items.length).toBeGreaterThan(50);
    const chains = new Map(input.chains.map((c) => [c.id, c]));
    for (const item of first.items) {
      const chain = chains.get(item.chainId)!;
      const onChain = new Set([chain.steps[0].subjectId, ...chain.steps.map((s) => s.objectId)]);
      const intermediates = new Set(chain.steps.slice(0, -1).map((s) => s.objectId));
      expect(item.options[item.answerIndex].conceptId).toBe(chain.steps[chain.steps.length - 1].objectId);
      expect(new Set(item.options.map((o) => o.text.toLowerCase())).size).toBe(item.options.length);
      for (const o of item.options) {
        if (o.operator === "TRUNC") expect(intermediates.has(o.conceptId)).toBe(true);
        if (o.operator === "NEARMISS") expect(onChain.has(o.conceptId)).toBe(false);
        if (o.operator === "INVREL") {
          expect(onChain.has(o.conceptId)).toBe(false);
          expect(input.relations.some((r) => r.subjectId === o.conceptId && onChain.has(r.objectId))).toBe(true);
        }
      }
    }
    expect(new Set(first.items.map((i) => i.answerIndex)).size).toBe(4);
    expect(buildBenchmark([input], { seed: 42 })).toEqual(first);
    expect(buildBenchmark([input], { seed: 43 }).items.map((i) => i.answerIndex)).not.toEqual(first.items.map((i) => i.answerIndex));
  });
});

function randomStructure(seed: number): TesterInput {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const heads = ["energy", "cell", "protein", "acid", "force", "field"];
  const mods = ["kinetic", "potential", "membrane", "amino", "nucleic", "magnetic", "electric", "plant", "animal", "free"];
  const concepts = Array.from({ length: 120 }, (_, i) => C(`k${i}`, `${pick(mods)} ${pick(heads)} ${i}`));
  const predicates = ["causes", "produces", "increases", "is_a"];
  const relations: TesterRelation[] = Array.from({ length: 400 }, (_, i) => R(`r${i}`, pick(concepts).id, pick(predicates), pick(concepts).id)).filter((r) => r.subjectId !== r.objectId);
  const out = new Map<string, TesterRelation[]>();
  for (const r of relations) out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), r]);
  const chains = [];
  for (const r of relations.slice(0, 150)) {
    const steps = [r];
    const seen = new Set([r.subjectId, r.objectId]);
    while (steps.length < 2 + Math.floor(random() * 3)) {
      const next = (out.get(steps[steps.length - 1].objectId) ?? []).find((n) => !seen.has(n.objectId));
      if (!next) break;
      seen.add(next.objectId);
      steps.push(next);
    }
    if (steps.length >= 2) chains.push({ id: `c${chains.length}`, steps });
  }
  return { discipline: "test", concepts, relations, chains, vocabulary: DEFAULT_PREDICATES };
}
