import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkBlocks, markdownToBlocks } from "@/lib/domain/corpus";
import { SHARED_CORPUS } from "@/test/fixtures";
import { canonicalName } from "../canonical";
import { DEFAULT_PREDICATES } from "../vocabulary";
import { coVariationTriples } from "./co-variation";
import { CONFIDENCE_THRESHOLD, scoreTriple } from "./confidence";
import { chunkSentences, extractLocally, linkChains, sentenceTriples } from "./index";
import { glossaryTriples } from "./patterns";

/** What the engine writes for a text: [subject, predicate, object]. */
const written = (text: string) => extractLocally(text, DEFAULT_PREDICATES).triples.map((t) => [t.subject, t.predicate, t.object]);
/** Why the engine refuses what a sentence's patterns read (one reason per reading). */
const refusals = (sentence: string) => {
  const reasons = new Map<string, number>();
  extractLocally(sentence, DEFAULT_PREDICATES, reasons);
  return [...reasons.keys()];
};

// Every sentence below is quoted from ../shared/corpus (OpenStax), unless marked as made up.
describe("what the local engine writes", () => {
  it("reads definitions, kinds, wholes and parts (upwards), members, conversions and causes", () => {
    expect(written("A neutrophil is a phagocytic cell that is attracted via chemotaxis.")).toEqual([["neutrophil", "is_a", "phagocytic cell"]]);
    expect(written("Sanctions are forms of social control.")).toEqual([["Sanctions", "is_a", "social control"]]);
    expect(written("Nonmaterial culture consists of ideas, attitudes, and beliefs.")).toEqual([
      ["attitudes", "part_of", "Nonmaterial culture"],
      ["beliefs", "part_of", "Nonmaterial culture"],
    ]);
    expect(written("Photosynthesis converts light energy into chemical energy.")).toEqual([["light energy", "converts_to", "chemical energy"]]);
    expect(written("Insulin, a hormone produced by the pancreas, lowers blood glucose.")).toEqual([["Insulin", "is_a", "hormone"]]);
    expect(written("Pathogens cause disease.")).toEqual([["Pathogens", "causes", "disease"]]); // made up
  });

  it("reads 'includes' as parts of a whole and members of a class, and 'such as' as members, never as kinds", () => {
    expect(written("Semisynthetic macrolides include azithromycin and telithromycin.")).toEqual([
      ["azithromycin", "example_of", "Semisynthetic macrolides"],
      ["telithromycin", "example_of", "Semisynthetic macrolides"],
    ]);
    expect(written("The skeletal system includes bones and cartilage.")).toEqual([["bones", "part_of", "skeletal system"], ["cartilage", "part_of", "skeletal system"]]); // made up
    expect(written("Organelles such as mitochondria and chloroplasts have their own DNA.")).toEqual([["mitochondria", "example_of", "Organelles"]]); // made up
  });

  it("reads 'called' and 'known as' as a name and its definition, not as a relation", () => {
    const x = extractLocally("The SI unit of force is called the newton.", DEFAULT_PREDICATES);
    expect(x.triples).toEqual([]);
    expect(x.concepts).toEqual([expect.objectContaining({ name: "newton", definition: "The SI unit of force is called the newton." })]);
  });

  it("gives every term of a glossary line its definition, with the class and what the gloss says of it", () => {
    const x = extractLocally(
      [
        "- myelin sheath: lipid-rich layer of insulation that surrounds an axon, formed by oligodendrocytes in the CNS and Schwann cells in the PNS; facilitates the transmission of electrical signals",
        "- axon terminal: end of the axon, where there are usually several branches extending toward the target cell",
        "- blood-brain barrier (BBB): physiological barrier between the circulatory system and the central nervous system that establishes a privileged blood supply, restricting the flow of substances into the CNS",
      ].join("\n"),
      DEFAULT_PREDICATES,
    );
    expect(x.triples.map((t) => [t.subject, t.predicate, t.object])).toEqual([
      ["myelin sheath", "is_a", "lipid-rich layer of insulation"],
      ["oligodendrocytes", "produces", "myelin sheath"],
      ["axon terminal", "part_of", "axon"],
      ["blood-brain barrier", "is_a", "physiological barrier"],
    ]);
    const defined = new Map(x.concepts.map((c) => [c.name, c]));
    expect(defined.get("axon terminal")).toMatchObject({ definition: "end of the axon, where there are usually several branches extending toward the target cell", definitionSource: "glossary" });
    expect(defined.get("blood-brain barrier")).toMatchObject({ aliases: ["BBB"], definitionSource: "glossary" });
  });

  it("gives each kept triple a confidence at or above the threshold, and quotes its evidence from the chunk", () => {
    const text = "Ribosomes are the cellular structures responsible for protein synthesis. Insulin, a hormone produced by the pancreas, lowers blood glucose.";
    const x = extractLocally(text, DEFAULT_PREDICATES);
    expect(x.triples.length).toBeGreaterThan(0);
    for (const t of x.triples) {
      expect(t.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
      expect(chunkSentences(text)).toContain(t.evidence);
    }
  });
});

describe("what the local engine refuses, with the reason", () => {
  it("sentences that are not general statements of fact", () => {
    expect(refusals("Often, testimony is a reliable source of information and so can be justified.")).toEqual(["the sentence is hedged"]);
    expect(refusals("In the previous section, we argued that higher income causes greater demand at every price.")).toContain("the sentence speaks of or to the reader");
    expect(refusals("Older interpretations of social organization suggested that men did most of the hunting while women did the cooking or stayed home to nurse children.")).toEqual([]);
    expect(written("Older interpretations of social organization suggested that men did most of the hunting while women did the cooking or stayed home to nurse children.")).toEqual([]);
    expect(refusals("At temperatures above 304.2 K and pressures above 7376 kPa, CO2 is a supercritical fluid, with properties of both gas and liquid.")).toEqual(["the sentence holds only under a condition"]);
    expect(refusals("Kant writes, “For only the law carries with it the concept of an unconditional necessity, and commands are laws that must be obeyed.”")).toContain("the sentence quotes someone");
    expect(refusals("Surrounding it, Imhotep built a large complex that included temples.")).toContain("the sentence tells of the past, not a standing fact");
    expect(written("Glucose does not cause diabetes.")).toEqual([]); // made up
  });

  it("ends that are not concepts: anaphors, vague or metalinguistic words, fragments, cut formulas", () => {
    expect(written("This process produces energy.")).toEqual([]);
    expect(written("Rainbows are an excellent illustration of the dispersion of sunlight.")).toEqual([]);
    expect(refusals("Rainbows are an excellent illustration of the dispersion of sunlight.")).toEqual(["object …: a word about words or texts, not a concept"]);
    expect(written("Creating a table is a way to determine limits using numeric information.")).toEqual([]);
    expect(scoreTriple({ subject: "Others retreat", predicate: "is_a", object: "behavior", evidence: "Others retreat is a behavior.", pattern: "copula" }).refusal).toMatch(/fragment/);
    expect(scoreTriple({ subject: "hormones insulin", predicate: "causes", object: "uptake of glucose", evidence: "Hormones insulin causes uptake of glucose.", pattern: "causes" }).refusal).toMatch(/list or a fragment/);
    expect(scoreTriple({ subject: "Y", predicate: "is_a", object: "value = mean +", evidence: "Y is the value = mean + 2.", pattern: "copula" }).refusal).toMatch(/formula/);
    expect(scoreTriple({ subject: "Simple Random Sampling", predicate: "is_a", object: "straightforward method", evidence: "- Simple Random Sampling: a straightforward method for selecting a random sample", pattern: "glossary" }).refusal).toMatch(/too vague a class/);
  });

  it("glossary lines that name no class: a gloss that is a sentence or opens with a verb", () => {
    expect(glossaryTriples("- energy conservation: total energy of an isolated system is constant")).toEqual([]);
    expect(glossaryTriples("- fluid mosaic model: describes the plasma membrane's structure as a mosaic of components")).toEqual([]);
    expect(glossaryTriples("- law of inertia: see Newton’s first law")).toEqual([]);
  });

  it("kinds that do not specialise", () => {
    expect(scoreTriple({ subject: "protein", predicate: "is_a", object: "integral protein", evidence: "A protein is an integral protein.", pattern: "copula" }).refusal).toMatch(/wrong way/);
    expect(scoreTriple({ subject: "Fixed interval", predicate: "is_a", object: "most productive schedule", evidence: "Fixed interval is the most productive schedule.", pattern: "copula" }).refusal).toMatch(/fragment|comparison/);
    expect(scoreTriple({ subject: "monocyte", predicate: "is_a", object: "precursor", evidence: "- monocyte: precursor to macrophages", pattern: "glossary" }).refusal).toMatch(/without what it is of/);
  });
});

describe("sentence patterns", () => {
  it("follows a relative clause, and attributes a definition's clause to what is defined", () => {
    expect(sentenceTriples("The hypothalamus releases hormones that regulate the pituitary gland.").map((t) => [t.subject, t.predicate, t.object])).toEqual([
      ["hypothalamus", "produces", "hormones"],
      ["hormones", "regulates", "pituitary gland"],
    ]);
  });

  it("reads how quantities move together", () => {
    const moves = (s: string) => coVariationTriples(s).map((t) => [t.subject, t.predicate, t.object]);
    expect(moves("A rise in price almost always leads to an increase in the quantity supplied.")).toEqual([["price", "increases", "quantity supplied"]]);
    expect(moves("As the price rises, the quantity demanded falls.")).toEqual([["price", "decreases", "quantity demanded"]]);
    expect(moves("An increase in temperature causes a decrease in solubility.")).toEqual([["temperature", "decreases", "solubility"]]);
  });
});

describe("extractLocally", () => {
  it("links triples from different sentences into chains, harvests every end as a concept", () => {
    const text = ["Insulin, a hormone produced by the pancreas, lowers blood glucose.", "A hormone is a kind of chemical messenger."].join(" "); // made up
    const x = extractLocally(text, DEFAULT_PREDICATES);
    expect(x.chains).toHaveLength(1);
    expect(x.chains[0].steps.map((i) => [x.triples[i].subject, x.triples[i].predicate, x.triples[i].object])).toEqual([
      ["Insulin", "is_a", "hormone"],
      ["hormone", "is_a", "chemical messenger"],
    ]);
    const names = new Set(x.concepts.map((c) => canonicalName(c.name)));
    for (const t of x.triples) expect(names.has(canonicalName(t.subject)) && names.has(canonicalName(t.object))).toBe(true);
  });

  it("never links a chain whose steps all come from one sentence", () => {
    const evidence = "The hypothalamus releases hormones that regulate the pituitary gland.";
    const steps = [
      { subject: "hypothalamus", predicate: "produces", object: "hormones", evidence },
      { subject: "hormones", predicate: "regulates", object: "pituitary gland", evidence },
    ];
    expect(linkChains(steps, (p) => p)).toEqual([]);
    expect(linkChains([steps[0], { ...steps[1], predicate: "causes", evidence: "Hormones cause growth of the pituitary gland." }], (p) => p)).toHaveLength(1);
  });
});

describe("on real textbook passages (../shared/corpus)", () => {
  it("writes grounded triples in every discipline and gives most glossary terms a definition", () => {
    const manifest = fs.readFileSync(path.join(SHARED_CORPUS, "manifest.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { path: string; discipline: string });
    const triplesBy = new Map<string, number>();
    let glossaryTerms = 0;
    let defined = 0;
    for (const entry of manifest) {
      for (const chunk of chunkBlocks(markdownToBlocks(fs.readFileSync(path.join(SHARED_CORPUS, entry.path), "utf8")).blocks)) {
        const x = extractLocally(chunk.text, DEFAULT_PREDICATES);
        triplesBy.set(entry.discipline, (triplesBy.get(entry.discipline) ?? 0) + x.triples.length);
        for (const t of x.triples) expect(chunk.text).toContain(t.evidence);
        glossaryTerms += chunkSentences(chunk.text).filter((s) => /^- [^:]{2,60}: /.test(s)).length;
        defined += x.concepts.filter((c) => c.definitionSource === "glossary").length;
      }
    }
    expect(triplesBy.size).toBe(16);
    for (const [d, n] of triplesBy) expect(n, d).toBeGreaterThan(0);
    expect(defined / glossaryTerms).toBeGreaterThan(0.8);
  });
});
