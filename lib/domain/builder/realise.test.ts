import { describe, expect, it } from "vitest";
import { DEFAULT_PREDICATES } from "../knowledge/vocabulary";
import { realise, REALISED_PREDICATES, type Direction } from "./realise";

const PREFIX = "Complete the statement: ";

describe("the sentence realiser, word for word", () => {
  // [subject, predicate, object, forwards, backwards]
  const cases: [string, string, string, string, string][] = [
    ["neutrophil", "is_a", "phagocytic cell", "A neutrophil is a kind of phagocytic cell.", "One kind of phagocytic cell is the neutrophil."],
    ["sanctions", "is_a", "social control", "Sanctions are a kind of social control.", "Kinds of social control include sanctions."],
    ["mitochondria", "is_a", "organelles", "Mitochondria are a kind of organelle.", "Kinds of organelle include mitochondria."],
    ["glucose", "is_a", "sugars", "Glucose is a kind of sugar.", "One kind of sugar is glucose."],
    ["mitochondria", "example_of", "organelles", "Mitochondria are examples of organelles.", "Organelles include mitochondria."],
    ["nucleus", "example_of", "organelle", "The nucleus is an example of an organelle.", "Organelles include the nucleus."],
    ["fever", "example_of", "inflammation", "Fever is an example of inflammation.", "Examples of inflammation include fever."],
    ["phospholipid bilayer", "part_of", "cell membrane", "The phospholipid bilayer is part of the cell membrane.", "One part of the cell membrane is the phospholipid bilayer."],
    ["ribosomes", "part_of", "cell", "Ribosomes are part of the cell.", "Parts of the cell include ribosomes."],
    ["DNA", "consists_of", "nucleotides", "DNA consists of nucleotides.", "Nucleotides make up DNA."],
    ["nucleus", "contains", "DNA", "The nucleus contains DNA.", "DNA is found in the nucleus."],
    ["bacteria", "causes", "disease", "Bacteria cause disease.", "Disease is caused by bacteria."],
    ["virus", "causes", "infection", "A virus causes infection.", "Infection is caused by a virus."],
    ["mitochondria", "produces", "ATP", "Mitochondria produce ATP.", "ATP is produced by mitochondria."],
    ["light energy", "converts_to", "chemical energy", "Light energy is converted into chemical energy.", "Chemical energy results from the conversion of light energy."],
    ["people", "increases", "demand", "People increase demand.", "Demand is increased by people."],
    ["taxes", "decreases", "consumption", "Taxes decrease consumption.", "Consumption is reduced by taxes."],
    ["children", "requires", "nutrients", "Children require nutrients.", "Nutrients are required for children."],
    ["enzyme", "enables", "reaction", "The enzyme enables the reaction.", "The reaction is made possible by the enzyme."],
    ["insulin", "regulates", "blood glucose", "Insulin regulates blood glucose.", "Blood glucose is regulated by insulin."],
    ["nucleolus", "located_in", "nucleus", "The nucleolus is located in the nucleus.", "The nucleus is the location of the nucleolus."],
    ["recession", "leads_to", "unemployment", "A recession leads to unemployment.", "Unemployment results from a recession."],
    ["ribosome", "uses", "mRNA", "The ribosome uses mRNA.", "mRNA is used by the ribosome."],
    ["thermometer", "measures", "temperature", "A thermometer measures temperature.", "Temperature is measured by a thermometer."],
    ["Newton's first law", "describes", "inertia", "Newton's first law describes inertia.", "Inertia is described by Newton's first law."],
    ["physics", "describes", "motion", "Physics describes motion.", "Motion is described by physics."],
    ["stimuli", "influences", "behaviour", "Stimuli influence behaviour.", "Behaviour is influenced by stimuli."],
    ["hemoglobin", "transports", "oxygen", "Hemoglobin transports oxygen.", "Oxygen is transported by hemoglobin."],
    ["carrier proteins", "transports", "glucose", "Carrier proteins transport glucose.", "Glucose is transported by carrier proteins."],
    ["antibody", "binds_to", "antigen", "The antibody binds to the antigen.", "The antigen is bound by the antibody."],
    ["law of demand", "describes", "price", "The law of demand describes the price.", "The price is described by the law of demand."],
    ["analysis", "requires", "data", "Analysis requires data.", "Data are required for analysis."],
  ];
  it.each(cases)("%s %s %s", (subject, predicate, object, forwards, backwards) => {
    expect(realise({ subject, predicate, object }, "forwards").statement).toBe(forwards);
    expect(realise({ subject, predicate, object }, "backwards").statement).toBe(backwards);
  });

  it("prompts with the statement up to the concept it asks for", () => {
    const triple = { subject: "neutrophil", predicate: "is_a", object: "phagocytic cells" };
    expect(realise(triple, "forwards").prompt).toBe(`${PREFIX}A neutrophil is a kind of …`);
    expect(realise(triple, "backwards").prompt).toBe(`${PREFIX}One kind of phagocytic cell is …`);
    expect(realise({ subject: "light energy", predicate: "converts_to", object: "chemical energy" }, "forwards").prompt).toBe(`${PREFIX}Light energy is converted into …`);
    expect(realise({ subject: "neutrophil", predicate: "causes", object: "fever" }, "forwards").clause).toBe("a neutrophil causes fever");
  });

  it("reads an expert's own predicate, or a default one given another phrase, with the vocabulary's phrasing, the verb agreeing", () => {
    const precedes = { name: "precedes", phrase: "precedes", inverse: "follows" };
    expect(realise({ subject: "mitosis", predicate: "precedes", object: "cytokinesis" }, "backwards", precedes).statement).toBe("Cytokinesis follows mitosis.");
    expect(realise({ subject: "G1 phases", predicate: "precedes", object: "S phases" }, "forwards", precedes).statement).toBe("G1 phases precede S phases.");
    const edited = { name: "is_a", phrase: "is a type of", inverse: "includes" };
    expect(realise({ subject: "enzyme", predicate: "is_a", object: "proteins" }, "forwards", edited).statement).toBe("The enzyme is a type of protein.");
    expect(realise({ subject: "enzyme", predicate: "is_a", object: "proteins" }, "backwards", edited).statement).toBe("Proteins include the enzyme.");
    expect(realise({ subject: "fault", predicate: "triggers", object: "earthquake" }, "forwards").statement).toBe("The fault triggers the earthquake.");
    // The default vocabulary's own entry keeps the realiser's wording.
    const isA = DEFAULT_PREDICATES.find((p) => p.name === "is_a")!;
    expect(realise({ subject: "enzyme", predicate: "is_a", object: "proteins" }, "backwards", isA).statement).toBe("One kind of protein is the enzyme.");
  });
});

describe("the sentence realiser, for every default predicate", () => {
  // Each name with the forms a statement may give it (a kind of "mitochondrion", examples of "cells").
  const names = {
    singular: { name: "membrane", forms: ["membrane", "membranes"], plural: false },
    plural: { name: "proteins", forms: ["proteins", "protein"], plural: true },
    irregular: { name: "mitochondria", forms: ["mitochondria", "mitochondrion"], plural: true },
  };
  const kinds = Object.keys(names) as (keyof typeof names)[];
  const special = new Set(["is_a", "part_of", "example_of"]);
  const rows = DEFAULT_PREDICATES.flatMap((p) => kinds.flatMap((s) => kinds.flatMap((o) => (["forwards", "backwards"] as Direction[]).map((d) => [p.name, s, o, d] as const))));

  it("has its own wording for every predicate of the default vocabulary", () => {
    expect(REALISED_PREDICATES.sort()).toEqual(DEFAULT_PREDICATES.map((p) => p.name).sort());
  });

  it.each(rows)("%s, %s subject, %s object, %s", (predicate, s, o, direction) => {
    const subject = names[s];
    const object = names[o];
    const { statement, prompt, clause } = realise({ subject: subject.name, predicate, object: object.name }, direction);
    // Whole, one sentence, no phrase that is not English.
    expect(statement).toMatch(/^[A-Z][^.…]*\.$/);
    expect(statement).not.toMatch(/has as a|is the object of|…|\s{2}/);
    expect(statement).toBe(`${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`);
    // The prompt is the statement cut before the concept asked for, which comes last.
    expect(prompt.startsWith(PREFIX) && prompt.endsWith(" …")).toBe(true);
    const given = prompt.slice(PREFIX.length, -2);
    expect(statement.startsWith(`${given} `)).toBe(true);
    const asked = statement.slice(given.length + 1, -1).replace(/^(?:a|an|the) /, "");
    expect((direction === "forwards" ? object : subject).forms).toContain(asked);
    // The verb agrees with the sentence's subject.
    if (special.has(predicate) && direction === "backwards") {
      expect(statement).toMatch(/^(?:One kind of \w+ is|Kinds of \w+ include|One part of (?:the )?\w+ is|Parts of (?:the )?\w+ include|\w+ include|Examples of \w+ include) /);
      return;
    }
    const first = direction === "forwards" ? subject : object;
    const verb = new RegExp(`^(?:(?:A|An|The) )?${first.name} (\\w+)`, "i").exec(statement)?.[1];
    expect(verb).toBeDefined();
    if (first.plural) expect(verb).toMatch(/^(?:are|have|[a-z]*[^s])$/);
    else expect(verb).toMatch(/^(?:is|has|[a-z]+s)$/);
  });
});
