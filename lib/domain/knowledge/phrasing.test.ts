import { describe, expect, it } from "vitest";
import { agree, capitalise, isPlural, whatIs } from "./phrasing";

describe("phrasing agreement", () => {
  it("makes the predicate's verb agree with a plural subject and leaves singulars alone", () => {
    expect(agree("Proteins", "binds to")).toBe("bind to");
    expect(agree("Barriers", "is a kind of")).toBe("are a kind of");
    expect(agree("Enzymes", "catalyses")).toBe("catalyse");
    expect(agree("Buses", "carries")).toBe("carry");
    expect(agree("glucose", "is converted into")).toBe("is converted into");
    expect(agree("physics", "describes")).toBe("describes");
    expect(agree("the virus", "causes")).toBe("causes");
    expect(agree("mitochondria", "is located in")).toBe("are located in");
    expect(agree("bacteria", "causes")).toBe("cause");
    expect(agree("stimuli", "has")).toBe("have");
  });

  it("asks what a concept is or what concepts are", () => {
    expect(whatIs("ribosomes")).toBe("What are ribosomes?");
    expect(whatIs("photosynthesis")).toBe("What is photosynthesis?");
    expect(whatIs("mitochondria")).toBe("What are mitochondria?");
    expect(whatIs("economics")).toBe("What is economics?");
  });

  it.each(["mitochondria", "bacteria", "criteria", "phenomena", "data", "people", "children", "media", "fungi", "nuclei", "stimuli", "alveoli", "algae", "larvae", "vertebrae", "teeth", "mice", "women", "analyses", "hypotheses", "matrices", "cattle", "phagocytic cells", "rates of reaction", "Newton's laws", "RNAs", "checks and balances", "antibiotics", "clothes"])(
    "reads %s as plural",
    (name) => expect(isPlural(name)).toBe(true),
  );

  it.each(["physics", "analysis", "virus", "economics", "mitosis", "United States", "Gross domestic product", "glucose", "lens", "gas", "species", "series", "news", "diabetes", "measles", "mathematics", "statistics", "politics", "process", "class", "stimulus", "nucleus", "criterion", "phenomenon", "mitochondrion", "specimen", "abdomen", "lumen", "law of demand", "Newton's first law", "DNA", "ATP", "AIDS", "adenosine triphosphate (ATP)", "neutrophil"])(
    "reads %s as singular",
    (name) => expect(isPlural(name)).toBe(false),
  );

  it("capitalises a sentence's first letter and never lower-cases a name", () => {
    expect(capitalise("light energy is…")).toBe("Light energy is…");
    expect(capitalise("ATP is…")).toBe("ATP is…");
    expect(capitalise("Newton's first law describes…")).toBe("Newton's first law describes…");
    expect(capitalise("mRNA is used by the ribosome")).toBe("mRNA is used by the ribosome");
    expect(capitalise("pH measures acidity")).toBe("pH measures acidity");
  });
});
