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
    expect(inverse).toMatchObject({ prompt: "Complete the statement: Chemical energy results from the conversion of …", completion: "Chemical energy results from the conversion of light energy." });
    expect(instances.find((i) => i.kind === "inverse" && i.relationIds[0] === "r2")!.completion).toBe("One kind of sugar is glucose.");
    // The evidence quoted, then the one relation restated.
    const explanation = instances.find((i) => i.kind === "explanation" && i.relationIds[0] === "r1")!;
    expect(explanation.completion).toBe("In photosynthesis light energy is converted into chemical energy. In short, light energy is converted into chemical energy.");
    expect(instances.find((i) => i.kind === "definition" && i.conceptIds[0] === "glucose")).toMatchObject({ prompt: "What is glucose?", completion: "Glucose is a simple sugar made by photosynthesis." });
    const contrast = instances.find((i) => i.kind === "contrast")!;
    expect(contrast).toMatchObject({
      conceptIds: ["fructose", "glucose"],
      relationIds: [],
      prompt: "How does fructose differ from glucose?",
      completion: "Fructose is a simple sugar found in fruit. Glucose is a simple sugar made by photosynthesis.",
    });
    expect(instances.every((i) => !/has as a kind|is converted from|…$/.test(i.completion))).toBe(true);
    expect(instances.every((i) => i.conceptIds.length + i.relationIds.length > 0)).toBe(true);
  });

  it("teaches a definition whole or not at all, and a gloss as a sentence about the concept", () => {
    const input = biology();
    const long = `Glucose is a simple sugar ${"made by plants from light and ".repeat(10)}water.`;
    input.concepts = [
      concept("glucose", "glucose", long),
      concept("fructose", "fructose", "Fructose is a simple sugar found in…"),
      concept("sugar", "sugar", "Sugar is a sweet carbohydrate that is the main source of"),
      concept("light", "light energy", "energy carried by light"),
      concept("chemical", "chemical energy"),
    ];
    const definitions = synthesize([input], {}).instances.filter((i) => i.kind === "definition");
    expect(definitions.map((d) => [d.conceptIds[0], d.completion]).sort()).toEqual([
      ["glucose", long],
      ["light", "Light energy is energy carried by light."],
    ]);
  });

  it("contrasts near misses by their two definitions only, never related pairs nor a definition that names the other", () => {
    const bonds = (definitions: [string, string], relations: BuilderInput["relations"] = []): BuilderInput => ({
      discipline: "chemistry",
      concepts: [concept("cov", "covalent bond", definitions[0]), concept("ion", "ionic bond", definitions[1]), concept("e", "electrons")],
      relations: [relation("r1", "cov", "uses", "e", "A covalent bond shares electrons."), relation("r2", "ion", "uses", "e", "An ionic bond transfers electrons."), ...relations],
      vocabulary: DEFAULT_PREDICATES,
    });
    const contrastsOf = (input: BuilderInput) => synthesize([input], {}).instances.filter((i) => i.kind === "contrast");
    const plain = contrastsOf(bonds(["bond formed when atoms share electrons", "bond formed when one atom gives electrons to another"]));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatchObject({ relationIds: [], prompt: "How does a covalent bond differ from an ionic bond?" });
    expect(plain[0].completion).toBe("A covalent bond is a bond formed when atoms share electrons. An ionic bond is a bond formed when one atom gives electrons to another.");
    // Without definitions there is no contrast, even where relations could tell the two apart.
    const undefinedInput = bonds(["", ""]);
    undefinedInput.concepts = undefinedInput.concepts.map((c) => ({ ...c, definition: null }));
    undefinedInput.relations.push(relation("r3", "cov", "produces", "e", "x"));
    expect(contrastsOf(undefinedInput)).toEqual([]);
    // Related in either direction: neighbours, not near misses.
    expect(contrastsOf(bonds(["bond formed when atoms share electrons", "bond formed when one atom gives electrons to another"], [relation("r9", "ion", "influences", "cov", "x")]))).toEqual([]);
    // A definition that names the other concept teaches their relation.
    expect(contrastsOf(bonds(["bond formed when atoms share electrons", "bond stronger than a covalent bond"]))).toEqual([]);
    expect(contrastsOf(bonds(["bond weaker than ionic bonds", "bond formed when one atom gives electrons to another"]))).toEqual([]);
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
