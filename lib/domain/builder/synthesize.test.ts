import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { DEFAULT_PREDICATES } from "../knowledge/vocabulary";
import { synthesize } from "./synthesize";
import type { BuilderInput } from "./types";

const concept = (id: string, name: string, definition: string | null = null, approved = false) => ({ id, name, definition, chunkId: "k1", approved });
const relation = (id: string, subjectId: string, predicate: string, objectId: string, evidence: string) => ({ id, subjectId, predicate, objectId, evidence, chunkId: "k1", approved: false });

function biology(): BuilderInput {
  return {
    discipline: "biology",
    concepts: [
      concept("glucose", "glucose", "Glucose is a simple sugar made by photosynthesis."),
      concept("fructose", "fructose", "Fructose is a simple sugar found in fruit."),
      concept("sugar", "sugar"),
      concept("light", "light energy"),
      concept("chemical", "chemical energy"),
    ],
    relations: [
      relation("r1", "light", "converts_to", "chemical", "In photosynthesis light energy is converted into chemical energy."),
      relation("r2", "glucose", "is_a", "sugar", "Glucose is a sugar."),
      relation("r3", "fructose", "is_a", "sugar", "Fructose is a sugar."),
    ],
    vocabulary: DEFAULT_PREDICATES,
  };
}

describe("the Builder", () => {
  it("teaches definitions, relations both ways, grounded explanations and contrasts, each linked to what it teaches", () => {
    const { instances, stats } = synthesize([biology()], {});
    expect(stats.byKind).toEqual({ definition: 2, relation: 3, inverse: 3, explanation: 3, contrast: 1 });
    const forward = instances.find((i) => i.kind === "relation" && i.relationIds[0] === "r1")!;
    expect(forward).toMatchObject({ prompt: "Complete the statement: Light energy is converted into …", completion: "Light energy is converted into chemical energy.", conceptIds: ["light", "chemical"], chunkId: "k1" });
    const inverse = instances.find((i) => i.kind === "inverse" && i.relationIds[0] === "r1")!;
    expect(inverse.completion).toBe("Chemical energy is converted from light energy.");
    const explanation = instances.find((i) => i.kind === "explanation" && i.relationIds[0] === "r1")!;
    expect(explanation.completion).toContain("In photosynthesis light energy is converted into chemical energy.");
    const contrast = instances.find((i) => i.kind === "contrast")!;
    expect(contrast.conceptIds.sort()).toEqual(["fructose", "glucose"]);
    expect(instances.every((i) => i.conceptIds.length + i.relationIds.length > 0)).toBe(true);
  });

  it("spends a budget on coverage first: every concept and relation once before any second instance", () => {
    const { instances } = synthesize([biology()], { budget: 5 });
    expect(instances).toHaveLength(5);
    expect(instances.every((i) => i.kind === "definition" || i.kind === "relation")).toBe(true);
    expect(new Set(instances.flatMap((i) => i.relationIds))).toEqual(new Set(["r1", "r2", "r3"]));
  });

  it("refuses to see chains: an input that carries them is rejected, naming the field", () => {
    const withChains = { ...biology(), chains: [{ id: "c1", steps: ["r1", "r2"] }] };
    // @ts-expect-error the input type has no chains
    expect(() => synthesize([withChains], {})).toThrow(DomainError);
    try {
      // @ts-expect-error the input type has no chains
      synthesize([withChains], {});
    } catch (e) {
      expect((e as DomainError).details).toEqual([expect.objectContaining({ message: expect.stringContaining("chains") })]);
    }
  });
});
