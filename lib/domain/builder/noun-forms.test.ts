import { describe, expect, it } from "vitest";
import { anOrA, askWhatIs, pluralOf, singularOf, withArticle } from "./noun-forms";

describe("concept names as noun phrases", () => {
  it.each([
    ["neutrophil", "a", "a neutrophil"],
    ["enzyme", "a", "an enzyme"],
    ["cell membrane", "the", "the cell membrane"],
    ["glucose", "a", "glucose"],
    ["light energy", "the", "light energy"],
    ["photosynthesis", "a", "photosynthesis"],
    ["mitochondria", "the", "mitochondria"],
    ["Newton's first law", "the", "Newton's first law"],
    ["ATP", "a", "ATP"],
    ["mRNA", "the", "mRNA"],
    ["law of demand", "a", "the law of demand"],
    ["first law of thermodynamics", "a", "the first law of thermodynamics"],
    ["gross domestic product", "a", "gross domestic product"],
    ["conflict theory", "a", "conflict theory"],
    ["the nucleus", "a", "the nucleus"],
    ["unit", "a", "a unit"],
    ["eukaryotic cell", "a", "a eukaryotic cell"],
    ["hour", "a", "an hour"],
  ] as const)("%s with %s → %s", (name, article, expected) => expect(withArticle(name, article)).toBe(expected));

  it("changes only the head noun's number", () => {
    expect(singularOf("phagocytic cells")).toBe("phagocytic cell");
    expect(singularOf("mitochondria")).toBe("mitochondrion");
    expect(singularOf("bacteria")).toBe("bacterium");
    expect(singularOf("rates of reaction")).toBe("rate of reaction");
    expect(singularOf("Proteins")).toBe("Protein");
    expect(singularOf("RNAs")).toBe("RNA");
    expect(singularOf("glucose")).toBe("glucose");
    expect(pluralOf("organelle")).toBe("organelles");
    expect(pluralOf("nucleus")).toBe("nuclei");
    expect(pluralOf("mitochondrion")).toBe("mitochondria");
    expect(pluralOf("law of demand")).toBe("laws of demand");
    expect(pluralOf("inflammation")).toBe("inflammation");
    expect(pluralOf("cells")).toBe("cells");
  });

  it("asks what a concept is with the article it needs", () => {
    expect(askWhatIs("neutrophil")).toBe("What is a neutrophil?");
    expect(askWhatIs("glucose")).toBe("What is glucose?");
    expect(askWhatIs("mitochondria")).toBe("What are mitochondria?");
    expect(askWhatIs("covalent bond")).toBe("What is a covalent bond?");
    expect(askWhatIs("economics")).toBe("What is economics?");
    expect(anOrA("urban area")).toBe("an");
    expect(anOrA("one-way valve")).toBe("a");
  });
});
