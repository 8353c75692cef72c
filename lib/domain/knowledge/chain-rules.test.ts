import { describe, expect, it } from "vitest";
import { chainProblem, composes, truncationAlsoRight } from "./chain-rules";
import { findHubs, linkChainsAcross, type LinkRelation } from "./link-chains";
import { headHypernyms } from "./head-hypernyms";

const step = (subject: string, predicate: string, object: string, evidence = `${subject} ${predicate} ${object}.`) => ({ subject, predicate, object, evidence });

describe("the chain rules", () => {
  it("accept a chain whose conclusion follows, from two sentences", () => {
    expect(chainProblem([step("insulin", "is_a", "hormone"), step("hormone", "is_a", "chemical messenger")])).toBeNull();
    expect(chainProblem([step("ependymal cell", "is_a", "glial cell"), step("glial cell", "part_of", "nervous tissue")])).toBeNull();
    expect(chainProblem([step("pancreas", "produces", "insulin"), step("insulin", "is_a", "hormone")])).toBeNull();
  });

  it("refuse steps that all come from one sentence", () => {
    const evidence = "The hypothalamus releases hormones that regulate the pituitary gland.";
    expect(chainProblem([step("hypothalamus", "produces", "hormones", evidence), step("hormones", "regulates", "pituitary gland", evidence)])).toBe("every step comes from one sentence");
  });

  it("refuse a general word inside or at the start, but let one close a climb of kinds", () => {
    expect(chainProblem([step("shear stress", "causes", "quantity"), step("quantity", "causes", "magnitude of forces")])).toMatch(/general concept \("quantity"\)/);
    expect(chainProblem([step("cells", "produces", "ATP"), step("ATP", "is_a", "nucleotide")])).toMatch(/general concept \("cells"\)/);
    expect(chainProblem([step("neutrophil", "is_a", "phagocyte"), step("phagocyte", "is_a", "cell")])).toBeNull();
    expect(chainProblem([step("neutrophil", "is_a", "phagocyte"), step("phagocyte", "part_of", "tissue")])).toMatch(/general concept \("tissue"\)/);
  });

  it("refuse a hub, a concept linked to far more than its neighbours, inside the chain; a climb of kinds may pass a class with many kinds", () => {
    expect(chainProblem([step("a", "causes", "b"), step("b", "causes", "c")], { isHub: (n) => n === "b" })).toMatch(/hub \("b"/);
    expect(chainProblem([step("a", "causes", "b"), step("b", "causes", "c")], { isHub: (n) => n === "c" })).toBeNull();
    expect(chainProblem([step("neutrophil", "is_a", "leukocyte"), step("leukocyte", "is_a", "blood cell")], { isHub: (n) => n === "leukocyte" })).toBeNull();
  });

  it("refuse a kind inheriting its class's effects, and anything composed with 'influences'", () => {
    expect(composes("is_a", "causes")).toBe(false);
    expect(chainProblem([step("depressant", "is_a", "drug"), step("drug", "causes", "feelings of anxiety")])).toMatch(/does not follow \(is_a then causes\)/);
    expect(composes("influences", "causes")).toBe(false);
    expect(composes("causes", "leads_to")).toBe(true);
    expect(composes("part_of", "located_in")).toBe(true);
    expect(composes("uses", "is_a")).toBe(true);
  });

  it("refuse a chain one definition states", () => {
    const definitionOf = (name: string) => (name === "anterograde amnesia" ? "Anterograde amnesia is the loss of memory for events that occur after the brain trauma." : null);
    const chain = [step("brain trauma", "causes", "anterograde amnesia"), step("anterograde amnesia", "is_a", "loss of memory")];
    expect(chainProblem(chain, { definitionOf })).toMatch(/one definition states its steps \(that of "anterograde amnesia"\)/);
    expect(chainProblem(chain)).toBeNull();
  });

  it("say when stopping early is also a right answer: within one family, not across", () => {
    expect(truncationAlsoRight(["is_a", "is_a"], 0)).toBe(true);
    expect(truncationAlsoRight(["causes", "leads_to"], 0)).toBe(true);
    expect(truncationAlsoRight(["produces", "is_a"], 0)).toBe(false);
  });
});

describe("linking chains across a discipline", () => {
  const R = (id: string, subject: string, predicate: string, object: string, documentId = "d1", evidence = `${subject} ${predicate} ${object}.`): LinkRelation => ({
    id, subjectId: subject, predicate, objectId: object, subject, object, evidence, documentId, confidence: 0.9,
  });

  it("links steps from different documents, the surest (shortest) first, never one inside another", () => {
    const chains = linkChainsAcross([R("r1", "astrocyte", "is_a", "glial cell", "d1"), R("r2", "glial cell", "part_of", "nervous tissue", "d2"), R("r3", "nervous tissue", "part_of", "nervous system", "d2")]);
    expect(chains).toEqual([["r1", "r2"], ["r2", "r3"]]);
    expect(linkChainsAcross([R("r1", "astrocyte", "is_a", "glial cell"), R("r2", "glial cell", "part_of", "nervous tissue")], { maxPerDocument: 0 })).toEqual([]);
  });

  it("caps the chains one sentence gives", () => {
    const shared = "Glial cells are part of nervous tissue.";
    const relations = [R("r0", "glial cell", "part_of", "nervous tissue", "d9", shared), ...["astrocyte", "microglia", "ependymal cell", "satellite cell"].map((k, i) => R(`k${i}`, k, "is_a", "glial cell", `d${i}`))];
    expect(linkChainsAcross(relations, { maxPerSentence: 2 })).toHaveLength(2);
    expect(linkChainsAcross(relations, { maxPerSentence: 3 })).toHaveLength(3);
  });

  it("finds hubs by degree against their neighbours", () => {
    const star = Array.from({ length: 12 }, (_, i) => R(`s${i}`, `leaf ${i}`, "is_a", "quantity"));
    expect(findHubs(star)).toEqual(new Set(["quantity"]));
    expect(linkChainsAcross([...star, R("q", "quantity", "is_a", "measurable thing")])).toEqual([]);
  });
});

describe("kinds named by narrowing a name", () => {
  it("links the narrower name to its nearest broader one, and not when the modifier takes the kind away", () => {
    const concepts = ["recessive allele", "allele", "integral membrane protein", "membrane protein", "protein", "false memory", "memory", "multiple genes", "gene", "law of demand", "demand"].map((name) => ({ id: name, name }));
    expect(headHypernyms(concepts)).toEqual([
      { subjectId: "recessive allele", objectId: "allele" },
      { subjectId: "integral membrane protein", objectId: "membrane protein" },
      { subjectId: "membrane protein", objectId: "protein" },
    ]);
  });
});
