import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkBlocks, markdownToBlocks } from "@/lib/domain/corpus";
import { SHARED_CORPUS } from "@/test/fixtures";
import { canonicalName } from "../canonical";
import { DEFAULT_PREDICATES } from "../vocabulary";
import { coVariationTriples } from "./co-variation";
import { chunkSentences, extractLocally, sentenceTriples } from "./index";
import { glossaryTriples } from "./patterns";

const triples = (s: string) => sentenceTriples(s).map((t) => [t.subject, t.predicate, t.object]);

describe("sentence patterns", () => {
  it("reads definitions, kinds, parts, lists and causes", () => {
    expect(triples("A neutrophil is a phagocytic cell that is attracted via chemotaxis.")).toEqual([["neutrophil", "is_a", "phagocytic cell"]]);
    expect(triples("Sanctions are forms of social control.")).toEqual([["Sanctions", "is_a", "social control"]]);
    expect(triples("Nonmaterial culture consists of ideas, attitudes, and beliefs.")).toEqual([
      ["Nonmaterial culture", "consists_of", "ideas"],
      ["Nonmaterial culture", "consists_of", "attitudes"],
      ["Nonmaterial culture", "consists_of", "beliefs"],
    ]);
    expect(triples("Pathogens cause disease.")).toEqual([["Pathogens", "causes", "disease"]]);
    expect(triples("Polyploidy results from an error in meiosis.")).toEqual([["error", "leads_to", "Polyploidy"]]);
    expect(triples("Photosynthesis converts light energy into chemical energy.")).toEqual([["light energy", "converts_to", "chemical energy"]]);
    expect(triples("Semisynthetic macrolides include azithromycin and telithromycin.")).toEqual([
      ["azithromycin", "is_a", "Semisynthetic macrolides"],
      ["telithromycin", "is_a", "Semisynthetic macrolides"],
    ]);
  });

  it("follows a relative clause to the next step, which is how chains are stated", () => {
    expect(triples("Mitochondria produce ATP, which powers muscle contraction.")).toEqual([["Mitochondria", "produces", "ATP"]]);
    expect(triples("The hypothalamus releases hormones that regulate the pituitary gland.")).toEqual([
      ["hypothalamus", "produces", "hormones"],
      ["hormones", "regulates", "pituitary gland"],
    ]);
  });

  it("reads naming sentences, opposition and conversion, and nouns that are also verbs", () => {
    expect(triples("The SI unit of force is called the newton.")).toEqual([["newton", "is_a", "SI unit of force"]]);
    expect(triples("Friction opposes the motion of an object.")).toEqual([["Friction", "decreases", "motion of object"]]);
    expect(triples("Therefore, energy is converted from gravitational potential energy back into kinetic energy.")).toEqual([["gravitational potential energy", "converts_to", "kinetic energy"]]);
    expect(triples("A net external force causes an acceleration.")).toEqual([["net external force", "causes", "acceleration"]]);
    expect(triples("Higher interest rates reduce investment.")).toEqual([["Higher interest rates", "decreases", "investment"]]);
    // A verb is not a concept; what is allowed or required is the action, not the actor.
    expect(triples("It is essential to remember that energy must be added to break bonds.")).toEqual([]);
    expect(triples("A trust is a legal arrangement that allows relatives to invest money.")).toEqual([["trust", "is_a", "legal arrangement"]]);
    expect(triples("Deoxyribonucleic acid contains the genetic information that determines the organism's characteristics.")).toEqual([
      ["Deoxyribonucleic acid", "contains", "genetic information"],
      ["genetic information", "influences", "organism's characteristics"],
    ]);
  });

  it("reads glossary lines, 'refers to' definitions and 'is the result of'", () => {
    const glossary = (s: string) => glossaryTriples(s).map((t) => [t.subject, t.predicate, t.object]);
    expect(glossary("- net external force: vector sum of all external forces acting on an object or system; causes a mass to accelerate")).toEqual([["net external force", "is_a", "vector sum of external forces"]]);
    expect(glossary("- reserves: funds that a bank keeps on hand")).toEqual([["reserves", "is_a", "funds"]]);
    expect(glossary("- law of inertia: see Newton’s first law")).toEqual([]);
    expect(triples("Exponential growth refers to an increase based on a constant multiplicative rate of change.")).toEqual([["Exponential growth", "is_a", "increase"]]);
    expect(triples("Inflation is the result of excess money supply.")).toEqual([["excess money supply", "leads_to", "Inflation"]]);
  });

  it("reads how quantities move together", () => {
    const moves = (s: string) => coVariationTriples(s).map((t) => [t.subject, t.predicate, t.object]);
    expect(moves("A rise in price of a good or service almost always decreases the quantity demanded of that good or service.")).toEqual([["price", "decreases", "quantity demanded"]]);
    expect(moves("Conversely, a fall in price will increase the quantity demanded.")).toEqual([["price", "decreases", "quantity demanded"]]);
    expect(moves("A rise in price almost always leads to an increase in the quantity supplied.")).toEqual([["price", "increases", "quantity supplied"]]);
    expect(moves("In the previous section, we argued that higher income causes greater demand at every price.")).toEqual([["income", "increases", "demand"]]);
    expect(moves("As the price rises, the quantity demanded falls.")).toEqual([["price", "decreases", "quantity demanded"]]);
    expect(moves("If income rises, demand for normal goods also rises.")).toEqual([["income", "increases", "demand for normal goods"]]);
    expect(moves("An increase in temperature causes a decrease in solubility.")).toEqual([["temperature", "decreases", "solubility"]]);
    expect(moves("As it rises, they fall.")).toEqual([]);
  });

  it("states nothing for negations, questions, pronouns, vague words and prepositional subjects", () => {
    expect(triples("Glucose does not cause diabetes.")).toEqual([]);
    expect(triples("What causes inflation?")).toEqual([]);
    expect(triples("It causes inflation.")).toEqual([]);
    expect(triples("This process produces energy.")).toEqual([]);
    expect(triples("External forces acting on the free body affect its motion.")).toEqual([]);
  });
});

describe("extractLocally", () => {
  const text = [
    "The hypothalamus releases hormones that regulate the pituitary gland.",
    "The pituitary gland produces growth hormone (GH).",
    "Growth hormone increases protein synthesis.",
    "Adenosine triphosphate (ATP) is the energy currency of the cell.",
  ].join(" ");

  it("links triples into chains top-down, harvests every end as a concept, and quotes its evidence", () => {
    const x = extractLocally(text, DEFAULT_PREDICATES);
    expect(x.chains.length).toBeGreaterThan(0);
    const longest = x.chains[0];
    expect(longest.steps.map((i) => x.triples[i].predicate)).toEqual(["produces", "regulates", "produces", "increases"]);
    for (const c of x.chains) {
      for (let i = 1; i < c.steps.length; i++) {
        expect(canonicalName(x.triples[c.steps[i]].subject)).toBe(canonicalName(x.triples[c.steps[i - 1]].object));
      }
    }
    const names = new Set(x.concepts.map((c) => canonicalName(c.name)));
    for (const t of x.triples) {
      expect(names.has(canonicalName(t.subject)) && names.has(canonicalName(t.object))).toBe(true);
      expect(chunkSentences(text)).toContain(t.evidence);
    }
    expect(x.concepts.find((c) => c.name === "growth hormone")?.aliases).toEqual(["GH"]);
  });
});

describe("on real textbook passages (../shared/corpus)", () => {
  it("finds grounded triples in every discipline and linked chains in several", () => {
    const manifest = fs.readFileSync(path.join(SHARED_CORPUS, "manifest.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { path: string; discipline: string });
    const triplesBy = new Map<string, number>();
    const chainsBy = new Map<string, number>();
    for (const entry of manifest) {
      for (const chunk of chunkBlocks(markdownToBlocks(fs.readFileSync(path.join(SHARED_CORPUS, entry.path), "utf8")).blocks)) {
        const x = extractLocally(chunk.text, DEFAULT_PREDICATES);
        triplesBy.set(entry.discipline, (triplesBy.get(entry.discipline) ?? 0) + x.triples.length);
        chainsBy.set(entry.discipline, (chainsBy.get(entry.discipline) ?? 0) + x.chains.length);
        for (const t of x.triples) expect(chunk.text).toContain(t.evidence);
      }
    }
    expect(triplesBy.size).toBe(16);
    for (const [d, n] of triplesBy) expect(n, d).toBeGreaterThan(0);
    expect([...chainsBy.values()].filter((n) => n > 0).length).toBeGreaterThanOrEqual(8);
  });
});
