import { describe, expect, it } from "vitest";
import { definitionSentence, isCut } from "./definition";

describe("definitions as sentences", () => {
  it("keeps a definition that is a sentence about the concept whole, however long", () => {
    const long = `Glucose is a simple sugar ${"that plants make from light and ".repeat(12)}water.`;
    expect(long.split(" ").length).toBeGreaterThan(60);
    expect(definitionSentence("glucose", long)).toBe(long);
    expect(definitionSentence("glucose", "glucose is a simple sugar made by photosynthesis")).toBe("Glucose is a simple sugar made by photosynthesis.");
    expect(definitionSentence("mitochondrion", "Mitochondria are organelles that make ATP.")).toBe("Mitochondria are organelles that make ATP.");
    expect(definitionSentence("cell membrane", "The cell membrane, a phospholipid bilayer, surrounds the cell.")).toBe("The cell membrane, a phospholipid bilayer, surrounds the cell.");
  });

  it.each([
    ["covalent bond", "bond formed when electrons are shared between atoms", "A covalent bond is a bond formed when electrons are shared between atoms."],
    ["covalent bond", "A bond formed when electrons are shared between atoms.", "A covalent bond is a bond formed when electrons are shared between atoms."],
    ["net external force", "vector sum of all external forces acting on an object", "A net external force is the vector sum of all external forces acting on an object."],
    ["payment system", "helps an economy exchange goods and services for money", "A payment system helps an economy exchange goods and services for money."],
    ["phagocytes", "Cells that engulf pathogens.", "Phagocytes are cells that engulf pathogens."],
    ["photosynthesis", "process by which plants make food from light", "Photosynthesis is the process by which plants make food from light."],
    ["chemical energy", "energy stored in chemical bonds", "Chemical energy is energy stored in chemical bonds."],
    ["biology", "study of living things", "Biology is the study of living things."],
    ["inflation", "General rise in the price level", "Inflation is a general rise in the price level."],
    ["differential association theory", "a theory that states individuals learn deviant behavior from those close to them", "Differential association theory is a theory that states individuals learn deviant behavior from those close to them."],
    ["neutrophil", "It is a phagocytic white blood cell.", "A neutrophil is a phagocytic white blood cell."],
    ["ribosome", "- organelle, not bound by a membrane, that makes proteins", "A ribosome is an organelle, not bound by a membrane, that makes proteins."],
    ["demand", "Refers to the amount of goods that buyers want", "Demand refers to the amount of goods that buyers want."],
    ["mitosis", "Division of a nucleus into two.", "Mitosis is the division of a nucleus into two."],
    ["Krebs cycle", "Series of reactions in mitochondria.", "Krebs cycle is a series of reactions in mitochondria."],
    ["GDP", "Total value of goods and services produced in a country", "GDP is the total value of goods and services produced in a country."],
    ["Mendelian inheritance", "Mendel's laws of heredity", "Mendelian inheritance is Mendel's laws of heredity."],
    ["classical conditioning", "Learning in which a neutral stimulus comes to elicit a response", "Classical conditioning is learning in which a neutral stimulus comes to elicit a response."],
    ["refractory period", "Time after an action potential when another cannot be generated", "A refractory period is time after an action potential when another cannot be generated."],
    ["microglia", "Glial cell type in the CNS that serves as its immune defence", "Microglia are a glial cell type in the CNS that serves as its immune defence."],
    ["ATP", "adenosine triphosphate, the energy currency of the cell", "ATP is adenosine triphosphate, the energy currency of the cell."],
  ])("turns the gloss of %s into a sentence about it", (name, gloss, sentence) => {
    expect(definitionSentence(name, gloss)).toBe(sentence);
  });

  it("leaves a sentence that does not open with the name as written", () => {
    expect(definitionSentence("GDP", "In economics, GDP measures the output of a country.")).toBe("In economics, GDP measures the output of a country.");
    expect(definitionSentence("photosynthesis", "Plants convert light energy into food.")).toBe("Plants convert light energy into food.");
    expect(definitionSentence("behaviour change", "Learning occurs when behaviour changes with experience.")).toBe("Learning occurs when behaviour changes with experience.");
  });

  it.each([
    "Glucose is a simple sugar that is the main source of…",
    "Glucose is a simple sugar that is the main source of...",
    "Glucose is a simple sugar that is the main source of",
    "Glucose is a simple sugar that is the main source of energy for the",
    "Glucose is a simple sugar (a monosaccharide",
    "Glucose is a simple sugar, and",
    "when electrons are shared between atoms",
  ])("does not teach a cut or clause-only definition: %s", (text) => {
    expect(definitionSentence("glucose", text)).toBeNull();
  });

  it("tells a cut text from a whole one", () => {
    expect(isCut("bond formed when electrons are shared between atoms")).toBe(false);
    expect(isCut("Glucose is a sugar.")).toBe(false);
    expect(isCut("Glucose is a sugar…")).toBe(true);
    expect(isCut("the rate at which")).toBe(true);
  });
});
