import { describe, expect, it } from "vitest";
import { aggregateTraces } from "./aggregate";
import { diagnose } from "./diagnose";
import { makePatches } from "./patches";
import { buildProbes, masked } from "./probes";
import { indexStructure, type DebugConcept, type DebugRelation } from "./structure";
import type { ProbeResult } from "./types";

const vocabulary = [
  { name: "is_a", phrase: "is a kind of", inverse: "has as a kind" },
  { name: "produces", phrase: "produces", inverse: "is produced by" },
];
const c = (id: string, definition: string | null = null): DebugConcept => ({ id, name: id.replace(/-/g, " "), definition, chunkId: "k1" });
const r = (id: string, subjectId: string, predicate: string, objectId: string): DebugRelation => ({ id, subjectId, predicate, objectId, evidence: `${subjectId} ${predicate} ${objectId}.`, chunkId: "k1" });
const concepts = [
  c("central-bank", "An institution that manages a currency and the money supply."),
  c("monetary-policy", "What a central bank does to the money supply and interest rates."),
  c("economic-policy", "A course of action a government takes on the economy."),
  c("public-policy", "What governments choose to do or not to do."),
  c("government", "The group of people that governs a state."),
  c("social-policy", "Government action on welfare and social protection."),
  c("tax", "A compulsory payment to the government."),
  c("fiscal-policy", "The use of government spending and taxes."),
  c("interest-rate"),
];
const relations = [
  r("r1", "central-bank", "produces", "monetary-policy"),
  r("r2", "monetary-policy", "is_a", "economic-policy"),
  r("r3", "economic-policy", "is_a", "public-policy"),
  r("r4", "government", "produces", "central-bank"),
  r("r5", "social-policy", "is_a", "public-policy"),
  r("r6", "fiscal-policy", "is_a", "economic-policy"),
  r("r7", "central-bank", "produces", "interest-rate"),
  r("r8", "government", "produces", "tax"),
];
const s = indexStructure(concepts, relations, vocabulary);
const path = [
  { subject: "central bank", predicate: "produces", object: "monetary policy", relationId: "r1", subjectId: "central-bank", objectId: "monetary-policy" },
  { subject: "monetary policy", predicate: "is_a", object: "economic policy", relationId: "r2", subjectId: "monetary-policy", objectId: "economic-policy" },
];

describe("probes", () => {
  const { probes, unprobed } = buildProbes({ id: "item-1", path }, s);
  const step0 = probes.find((p) => p.level === "L2" && p.position === 0)!;

  it("ask one single-hop question per step and one definition question per defined concept, from the structure", () => {
    expect(probes.filter((p) => p.level === "L2").map((p) => p.relationId)).toEqual(["r1", "r2"]);
    expect(probes.filter((p) => p.level === "L1").map((p) => p.conceptId)).toEqual(["central-bank", "monetary-policy", "economic-policy"]);
    expect(step0.stem).toBe("Central bank produces which of the following?");
    expect(step0.options[step0.answerIndex]).toMatchObject({ text: "monetary policy", operator: "ANSWER" });
    expect(unprobed).toEqual([]);
  });

  it("never offer what is also right, nor a concept of the chain; offer the relation run backwards", () => {
    const texts = step0.options.map((o) => o.text);
    expect(texts).not.toContain("interest rate"); // central bank produces it too
    expect(texts).not.toContain("economic policy");
    expect(step0.options.find((o) => o.operator === "INVREL")).toMatchObject({ text: "government" });
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("hide a concept's own name in the definitions offered", () => {
    const l1 = probes.find((p) => p.level === "L1" && p.conceptId === "monetary-policy")!;
    expect(l1.stem).toBe("Monetary policy is which of the following?");
    expect(l1.options[l1.answerIndex].text).toBe("What a central bank does to the money supply and interest rates.");
    expect(l1.options.every((o) => !/monetary policy/i.test(o.text))).toBe(true);
  });

  it("take wrong options from the step's own text first, never a fragment or the answer in other words, never an ancestor of a kind", () => {
    // Two documents: the probe of "myosin is a kind of motor protein" offers other classes of the
    // muscle text, not of the economics one; "protein" (reached through motor protein) is also
    // right; "motor proteins" and "which contracts" are the answer in other words and a fragment.
    const t = (id: string, topic: string): DebugConcept => ({ ...c(id), topic });
    const muscle = ["myosin", "motor-protein", "protein", "actin", "sarcomere", "troponin", "which-contracts", "motor-proteins", "filament", "regulatory-protein", "contractile-unit"].map((id) => t(id, "muscle"));
    const economy = ["central-bank", "monetary-policy", "economic-policy", "public-policy", "government"].map((id) => t(id, "economy"));
    const rels = [
      r("m1", "myosin", "is_a", "motor-protein"),
      r("m2", "motor-protein", "is_a", "protein"),
      r("m3", "actin", "is_a", "motor-proteins"),
      r("m4", "sarcomere", "is_a", "protein"),
      r("m5", "actin", "is_a", "filament"),
      r("m6", "troponin", "is_a", "regulatory-protein"),
      r("m7", "sarcomere", "is_a", "contractile-unit"),
      r("m8", "troponin", "is_a", "which-contracts"),
      ...relations.filter((x) => economy.some((e) => e.id === x.subjectId) && economy.some((e) => e.id === x.objectId)),
    ];
    const topical = indexStructure([...muscle, ...economy], rels, vocabulary);
    const step = { subject: "myosin", predicate: "is_a", object: "motor protein", relationId: "m1", subjectId: "myosin", objectId: "motor-protein" };
    for (const seed of ["a", "b", "c", "d"]) {
      const probe = buildProbes({ id: seed, path: [step, { ...step, subject: seed }] }, topical).probes.find((p) => p.level === "L2" && p.position === 0)!;
      const wrong = probe.options.filter((o) => o.operator !== "ANSWER").map((o) => o.conceptId);
      expect(wrong).toHaveLength(3);
      expect(wrong.every((id) => muscle.some((m) => m.id === id))).toBe(true);
      expect(wrong).not.toContain("protein");
      expect(wrong).not.toContain("which-contracts");
      expect(wrong).not.toContain("motor-proteins");
    }
  });

  it("mark weak a step whose answer is in the question's words (a pass shows nothing), and offer wrong options that echo them too", () => {
    const t = (id: string, definition: string | null = null): DebugConcept => ({ ...c(id, definition), topic: "genes" });
    const genes = indexStructure(
      [t("dominant-allele", "An allele whose trait shows in a heterozygote."), t("allele", "A specific version of a gene."), t("recessive-allele", "An allele whose trait is masked in a heterozygote."), t("gene"), t("trait"), t("genotype", "The genetic makeup of an organism."), t("phenotype", "The observable traits of an organism."), t("chromosome", "A thread of DNA that carries genes."), t("dominant-trait")],
      [r("g1", "dominant-allele", "is_a", "allele"), r("g2", "allele", "is_a", "gene"), r("g3", "recessive-allele", "is_a", "allele"), r("g4", "genotype", "is_a", "trait")],
      vocabulary,
    );
    const steps = [
      { subject: "dominant allele", predicate: "is_a", object: "allele", relationId: "g1", subjectId: "dominant-allele", objectId: "allele" },
      { subject: "allele", predicate: "is_a", object: "gene", relationId: "g2", subjectId: "allele", objectId: "gene" },
    ];
    const built = buildProbes({ id: "x", path: steps }, genes);
    const weak = built.probes.find((p) => p.level === "L2" && p.position === 0)!;
    expect(weak.weak).toContain('"allele" in "dominant allele"');
    // Passed, it shows nothing (the chain is unexplained, not a composition failure); failed, it names the step.
    const answered = (correct: boolean) => built.probes.map((p) => ({ ...p, choice: correct ? p.answerIndex : (p.answerIndex + 1) % p.options.length, raw: "", correct: p === weak ? correct : true }));
    expect(diagnose(2, answered(true), built.unprobed)).toMatchObject({ diagnosis: "UNEXPLAINED", because: expect.stringContaining("step 1 (the answer is in the question's own words") });
    expect(diagnose(2, answered(false), built.unprobed)).toMatchObject({ diagnosis: "MISSING_RELATION", step: 0, relationId: "g1" });
    // "An allele whose trait shows…": the definition offered for "Dominant allele" is masked with its article.
    const l1 = built.probes.find((p) => p.level === "L1" && p.conceptId === "dominant-allele")!;
    expect(l1.options[l1.answerIndex].text).toBe("An allele whose trait shows in a heterozygote.");
    // Wrong definitions that echo the name's words come first: "Diffusion of water…" for "facilitated diffusion";
    // one that names "facilitated diffusion" itself is half right and never offered.
    const cell = (id: string, definition: string): DebugConcept => ({ ...c(id, definition), topic: "membranes" });
    const membranes = indexStructure(
      [cell("facilitated-diffusion", "Diffusion of a substance with the aid of a membrane protein."), cell("osmosis", "Diffusion of water through a semipermeable membrane."), cell("active-transport", "Movement of a substance against its gradient, using energy."), cell("exocytosis", "Export of material from the cell in vesicles."), cell("endocytosis", "Import of material into the cell in vesicles."), cell("channel-protein", "A protein through which facilitated diffusion happens."), cell("strata", "Plural of stratum, a layer of society."), cell("passive-transport", "Diffusion across a membrane without the cell spending energy.")],
      [r("p1", "facilitated-diffusion", "is_a", "passive-transport")],
      vocabulary,
    );
    for (const seed of ["a", "b", "c", "d", "e", "f"]) {
      const probe = buildProbes({ id: seed, path: [{ subject: seed, predicate: "is_a", object: "x", subjectId: "facilitated-diffusion" }] }, membranes).probes.find((p) => p.level === "L1")!;
      expect(probe.options.map((o) => o.conceptId)).toContain("osmosis");
      // A definition naming the concept asked about is half right: never offered.
      expect(probe.options.map((o) => o.conceptId)).not.toContain("channel-protein");
      expect(probe.options.map((o) => o.conceptId)).not.toContain("strata"); // a word form, not a definition
      expect(probe.options.map((o) => o.conceptId)).not.toContain("passive-transport"); // its class: true of it too
    }
    expect(masked("An allele is a version of a gene; the allele differs.", "allele")).toBe("This is a version of a gene; this differs.");
  });

  it("are the same every time (seeded by the item), and say why a step cannot be probed", () => {
    expect(buildProbes({ id: "item-1", path }, s).probes).toEqual(probes);
    const tiny = indexStructure(concepts.slice(0, 2), relations.slice(0, 1), vocabulary);
    const few = buildProbes({ id: "item-1", path: path.slice(0, 1) }, tiny);
    expect(few.unprobed).toContainEqual({ level: "L2", position: 0, reason: expect.stringContaining("too few") });
  });
});

const result = (level: "L1" | "L2", position: number, correct: boolean, chose: "INVREL" | "OTHER" | "ANSWER" = correct ? "ANSWER" : "OTHER"): ProbeResult => ({
  level,
  position,
  conceptId: `c${position}`,
  relationId: level === "L2" ? `r${position}` : null,
  stem: "?",
  options: [{ text: "right", conceptId: "a", operator: "ANSWER" }, { text: "backwards", conceptId: "b", operator: "INVREL" }, { text: "other", conceptId: "o", operator: "OTHER" }],
  answerIndex: 0,
  choice: chose === "ANSWER" ? 0 : chose === "INVREL" ? 1 : 2,
  raw: "",
  correct,
});

describe("diagnose", () => {
  it("names the last failing step walking back from the answer; backwards when the model chose the inverse", () => {
    expect(diagnose(3, [result("L2", 0, false), result("L2", 1, true), result("L2", 2, false)], [])).toMatchObject({ diagnosis: "MISSING_RELATION", step: 2, relationId: "r2" });
    expect(diagnose(2, [result("L2", 0, true), result("L2", 1, false, "INVREL")], [])).toMatchObject({ diagnosis: "WRONG_RELATION", step: 1 });
  });

  it("a concept when every step is known; composition when everything is; unexplained when a step went unasked", () => {
    expect(diagnose(2, [result("L2", 0, true), result("L2", 1, true), result("L1", 1, false)], [])).toMatchObject({ diagnosis: "MISSING_CONCEPT", conceptId: "c1" });
    expect(diagnose(2, [result("L2", 0, true), result("L2", 1, true)], [])).toMatchObject({ diagnosis: "COMPOSITION" });
    expect(diagnose(2, [result("L2", 0, true)], [{ level: "L2", position: 1, reason: "too few" }])).toMatchObject({ diagnosis: "UNEXPLAINED", because: expect.stringContaining("step 2 (too few)") });
  });
});

describe("patches", () => {
  it("state a relation both ways, explain it, and contrast its object with the concept chosen instead", () => {
    const forms = makePatches({ kind: "relation", id: "r2" }, s, "social-policy");
    expect(forms.map((p) => p.form)).toEqual(["relation", "inverse", "explanation", "contrast"]);
    expect(forms[0].content).toMatchObject({ kind: "relation", completion: "Monetary policy is a kind of economic policy.", relationIds: ["r2"] });
    expect(forms[3].content.conceptIds).toEqual(["economic-policy", "social-policy"]);
  });

  it("define a concept; nothing for what has no definition or no longer exists", () => {
    expect(makePatches({ kind: "concept", id: "tax" }, s, null).map((p) => p.form)).toEqual(["definition"]);
    expect(makePatches({ kind: "concept", id: "interest-rate" }, s, null)).toEqual([]);
    expect(makePatches({ kind: "relation", id: "gone" }, s, null)).toEqual([]);
  });
});

describe("aggregates", () => {
  it("count diagnoses overall and per discipline, and rank the relations behind most failures", () => {
    const a = aggregateTraces([
      { discipline: "economics", diagnosis: "MISSING_RELATION", conceptId: null, relationId: "r1" },
      { discipline: "economics", diagnosis: "MISSING_RELATION", conceptId: null, relationId: "r1" },
      { discipline: "biology", diagnosis: "COMPOSITION", conceptId: null, relationId: null },
      { discipline: "biology", diagnosis: "MISSING_CONCEPT", conceptId: "c1", relationId: null },
    ]);
    expect(a.failures).toBe(4);
    expect(a.byDiagnosis).toMatchObject({ MISSING_RELATION: 2, COMPOSITION: 1, MISSING_CONCEPT: 1 });
    expect(a.byDiscipline.biology).toMatchObject({ COMPOSITION: 1, MISSING_CONCEPT: 1, MISSING_RELATION: 0 });
    expect(a.relations).toEqual([{ id: "r1", failures: 2 }]);
    expect(a.concepts).toEqual([{ id: "c1", failures: 1 }]);
  });
});
