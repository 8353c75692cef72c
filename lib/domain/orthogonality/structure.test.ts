import { describe, expect, it } from "vitest";
import type { PathStep } from "../tester/types";
import { type GateInstance, type GateItem, createBenchmarkIndex, describeViolation, normalizeSentences, normalizeText } from "./index";

const step = (subject: string, predicate: string, object: string, relationId: string): PathStep => ({
  subject,
  predicate,
  object,
  relationId,
  subjectId: `c:${subject}`,
  objectId: `c:${object}`,
});
// light energy -> chemical energy -> glucose -> ATP
const PHOTO: PathStep[] = [
  step("light energy", "converts_to", "chemical energy", "r1"),
  step("chemical energy", "contained_in", "glucose", "r2"),
  step("glucose", "produces", "ATP", "r3"),
];
// plural names: the text may say "an enzyme" and "reaction rates"
const ENZYME: PathStep[] = [step("enzymes", "lowers", "activation energy", "r4"), step("activation energy", "limits", "reaction rate", "r5")];
// short one-word names, to show that a name is never found inside a longer word
const TISSUE: PathStep[] = [step("ion", "enters", "cell", "r6"), step("cell", "forms", "tissue", "r7")];
// its middle concept "energy" is also the last word of "chemical energy", another concept's name
const GROWTH: PathStep[] = [step("sunlight", "provides", "energy", "r8"), step("energy", "drives", "growth", "r9")];

const ITEMS: GateItem[] = [
  { id: "b-photo", text: "Light energy is converted into X1, X1 is contained in X2, and X2 produces X3. What is X3? ATP glucose oxygen", path: PHOTO },
  { id: "b-enzyme", text: "Enzymes lower X1, and X1 limits X2. What is X2? reaction rate", path: ENZYME },
  { id: "b-tissue", text: "Ion enters X1, and X1 forms X2. What is X2? tissue", path: TISSUE },
  { id: "b-growth", text: "Sunlight provides X1, and X1 drives X2. What is X2? growth", path: GROWTH },
];
const PHRASES: Record<string, string> = { converts_to: "is converted into", contained_in: "is contained in", produces: "produces" };
const index = createBenchmarkIndex(ITEMS, { phrase: (p) => PHRASES[p] ?? p.replace(/_/g, " ") });
const check = (instance: Omit<GateInstance, "id">, on = index) => on.check({ id: "t", ...instance });
const kinds = (instance: Omit<GateInstance, "id">, on = index) => check(instance, on).map((v) => [v.benchmarkId, v.kind, v.shared]);

const STEPS_1_2 = "steps 1–2: light energy is converted into chemical energy; chemical energy is contained in glucose";

describe("the structural check: two consecutive steps of an item's chain (path)", () => {
  it("by links: an instance that teaches the relations of steps i and i+1, whatever its text says", () => {
    const v = check({ text: "A made-up patch about plants.", relationIds: ["r1", "r2"], conceptIds: ["c:light energy", "c:glucose"] });
    expect(v).toEqual([{ trainingId: "t", benchmarkId: "b-photo", kind: "path", shared: STEPS_1_2, similarity: 1 }]);
    expect(kinds({ text: "Another patch.", relationIds: ["r3", "r2"] })).toEqual([
      ["b-photo", "path", "steps 2–3: chemical energy is contained in glucose; glucose produces ATP"],
    ]);
  });

  it("by links: one relation, or two that are not consecutive in the chain, is no leak", () => {
    expect(check({ text: "Complete the statement: Light energy is converted into … Light energy is converted into chemical energy.", relationIds: ["r1"], conceptIds: ["c:light energy", "c:chemical energy"] })).toEqual([]);
    expect(check({ text: "A patch.", relationIds: ["r1", "r3"] })).toEqual([]);
    expect(check({ text: "A patch.", relationIds: ["r1", "r5"] })).toEqual([]);
  });

  it("by text: an instance with no links that names the three concepts of two consecutive steps", () => {
    expect(kinds({ text: "Plants turn light energy into chemical energy, which ends up in glucose." })).toEqual([["b-photo", "path", STEPS_1_2]]);
  });

  it("by text also for a linked instance: a definition of the middle concept that leaks the path", () => {
    const definition = { text: "What is chemical energy?\nChemical energy is made from light energy and stored in glucose.", conceptIds: ["c:chemical energy"], relationIds: [] };
    expect(kinds(definition)).toEqual([["b-photo", "path", STEPS_1_2]]);
  });

  it("merges the pairs an instance states into runs of steps", () => {
    expect(kinds({ text: "Light energy becomes chemical energy in glucose, and glucose yields ATP." })).toEqual([
      ["b-photo", "path", "steps 1–3: light energy is converted into chemical energy; chemical energy is contained in glucose; glucose produces ATP"],
    ]);
  });

  it("matches names whatever their number, on both sides", () => {
    expect(kinds({ text: "An enzyme lowers the activation energy; activation energies limit reaction rates." })).toEqual([
      ["b-enzyme", "path", "steps 1–2: enzymes lower activation energy; activation energy limits reaction rate"],
    ]);
    expect(kinds({ text: "Ions enter cells, and cells form tissues." })).toEqual([["b-tissue", "path", "steps 1–2: ion enters cell; cell forms tissue"]]);
  });

  it("gives no violation for an instance that names only two of the three concepts", () => {
    expect(check({ text: "Plants turn light energy into chemical energy." })).toEqual([]);
    expect(check({ text: "Chemical energy ends up in glucose, a sugar." })).toEqual([]);
    expect(check({ text: "Light energy reaches the leaf; glucose is made there." })).toEqual([]);
  });

  it("never finds a name inside a longer word", () => {
    expect(check({ text: "Ion channels sit in cellular membranes. Such membranes line every tissue." })).toEqual([]);
    expect(check({ text: "Ionic bonds hold the cell and its tissues." })).toEqual([]);
  });

  it("does not find a name inside a longer name that starts before it", () => {
    // "chemical energy" is a concept of its own: it does not also name "energy". (A definition,
    // so that naming the start and answer in one sentence is no shortcut here.)
    const definition = { conceptIds: ["c:sunlight"], relationIds: [] };
    expect(check({ text: "Sunlight gives plants chemical energy for growth.", ...definition })).toEqual([]);
    expect(kinds({ text: "Sunlight gives plants energy for growth.", ...definition })).toEqual([["b-growth", "path", "steps 1–2: sunlight provides energy; energy drives growth"]]);
  });

  it("uses the predicate's name when no phrase is given", () => {
    const plain = createBenchmarkIndex([ITEMS[0]]);
    expect(check({ text: "A patch.", relationIds: ["r1", "r2"] }, plain)[0].shared).toBe("steps 1–2: light energy converts to chemical energy; chemical energy contained in glucose");
  });
});

describe("the structural check: the item's start and answer in one relation (shortcut)", () => {
  const shortcut = "steps 1–3 (start light energy, answer ATP): light energy is converted into chemical energy; chemical energy is contained in glucose; glucose produces ATP";

  it("by links: an instance that teaches a relation and links both the start and the answer", () => {
    const v = check({ text: "Complete the statement: Light energy powers …", relationIds: ["r-shortcut"], conceptIds: ["c:light energy", "c:ATP"] });
    expect(v).toEqual([{ trainingId: "t", benchmarkId: "b-photo", kind: "shortcut", shared: shortcut, similarity: 1 }]);
  });

  it("by links: a contrast or definition that links both but teaches no relation is not one", () => {
    expect(check({ text: "How does light energy differ from ATP?", conceptIds: ["c:light energy", "c:ATP"], relationIds: [] })).toEqual([]);
  });

  it("by text: one sentence of an instance without links that names both", () => {
    expect(kinds({ text: "In the end, light energy is what powers ATP synthesis." })).toEqual([["b-photo", "shortcut", shortcut]]);
    expect(kinds({ text: "Enzymes change reaction rates." })).toEqual([["b-enzyme", "shortcut", "steps 1–2 (start enzymes, answer reaction rate): enzymes lower activation energy; activation energy limits reaction rate"]]);
  });

  it("by text: not across sentences, and not for a linked instance (its links say what it teaches)", () => {
    expect(check({ text: "Light energy comes from the sun. ATP is a small molecule." })).toEqual([]);
    expect(check({ text: "Light energy is radiant energy, later stored as ATP.", conceptIds: ["c:light energy"], relationIds: [] })).toEqual([]);
    expect(check({ text: "Light energy is radiant energy, later stored as ATP.", conceptIds: ["c:light energy", "c:sun"], relationIds: ["r-sun"] })).toEqual([]);
  });

  it("reports one structural violation per item: the path, when the same text also names start and answer", () => {
    expect(kinds({ text: "Enzymes lower activation energy, which limits reaction rates." }).map(([id, kind]) => [id, kind])).toEqual([["b-enzyme", "path"]]);
  });
});

describe("items made before their chains carried ids", () => {
  const legacy = createBenchmarkIndex([{ id: "b-old", text: "old stem", path: PHOTO.map(({ subject, predicate, object }) => ({ subject, predicate, object })) }]);

  it("are matched by names: links cannot match them, the text still does", () => {
    expect(check({ text: "A patch.", relationIds: ["r1", "r2"], conceptIds: ["c:light energy", "c:ATP"] }, legacy)).toEqual([]);
    expect(kinds({ text: "Light energy becomes chemical energy, stored in glucose." }, legacy).map(([id, kind]) => [id, kind])).toEqual([["b-old", "path"]]);
  });

  it("a linked instance that teaches a relation and names start and answer in one sentence is a shortcut", () => {
    const relation = { text: "Complete the statement: Light energy powers … Light energy powers ATP.", relationIds: ["r-x"], conceptIds: ["c:light energy", "c:x"] };
    expect(kinds(relation, legacy).map(([id, kind]) => [id, kind])).toEqual([["b-old", "shortcut"]]);
    expect(check({ ...relation, relationIds: [] }, legacy)).toEqual([]);
  });
});

describe("the structural check within the gate", () => {
  it("reports the text overlap first, then the structure, within the cap", () => {
    const text = `${ITEMS[1].text} Also: an enzyme lowers activation energy and activation energy limits reaction rate.`;
    expect(check({ text }).map((v) => v.kind)).toEqual(["ngram", "path"]);
    expect(createBenchmarkIndex(ITEMS, { maxViolationsPerInstance: 1 }).check({ id: "t", text }).map((v) => v.kind)).toEqual(["ngram"]);
  });

  it("leaves items without a path to the text checks alone", () => {
    const textOnly = createBenchmarkIndex(ITEMS.map(({ id, text }) => ({ id, text })));
    expect(check({ text: "Plants turn light energy into chemical energy, which ends up in glucose.", relationIds: ["r1", "r2"] }, textOnly)).toEqual([]);
  });

  it("says each kind in words", () => {
    expect(describeViolation({ kind: "path", shared: STEPS_1_2, similarity: 1 })).toBe(`States two steps of the item's chain: ${STEPS_1_2}`);
    expect(describeViolation({ kind: "shortcut", shared: "steps 1–2 (…)", similarity: 1 })).toBe("Names the item's start and answer in one relation: steps 1–2 (…)");
    expect(describeViolation({ kind: "near-duplicate", shared: "x y", similarity: 0.834 })).toBe("Near duplicate (83%): “x y”");
  });
});

describe("normalizeSentences", () => {
  it("gives normalizeText's tokens and where each sentence starts", () => {
    // "3.5" and "e.g." inside a word run do not end a sentence; "…" (NFKC "...") before a space does
    const text = "What is ATP?\nATP stores energy. It costs 3.5 units! e.g.glucose… Ｆｉｎｅ";
    expect(normalizeSentences(text)).toEqual({ tokens: normalizeText(text), starts: [0, 3, 6, 11, 14] });
    expect(normalizeSentences("One. Two.")).toEqual({ tokens: ["one", "two"], starts: [0, 1] });
    expect(normalizeSentences("")).toEqual({ tokens: [], starts: [0] });
  });
});
