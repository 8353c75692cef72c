import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { seededRandom, shuffled } from "../random";
import { answerItem, describeStudent, loadStudent, serializeStudent, trainStudent, type StudentInstance } from "./index";

/** A relation statement as the Builder writes one: the prompt cut before the object, the whole statement as completion. */
const taught = (statement: string): StudentInstance => ({ prompt: `Complete the statement: ${statement.replace(/ [^ ]+\.$/, " …")}`, completion: statement });
const defined = (name: string, definition: string): StudentInstance => ({ prompt: `What is ${name}?`, completion: definition });

/** Each chain's steps, one statement each, in order; the instances never state two steps at once. */
const CHAINS = {
  energy: ["Light energy is converted into chemical energy.", "Chemical energy is located in glucose."],
  smoke: ["Tobacco smoke causes airway inflammation.", "Airway inflammation leads to emphysema.", "Emphysema is a kind of lung disease."],
  insulin: ["The pancreas produces insulin.", "Insulin is a kind of hormone."],
  ions: ["Sodium ions are a kind of cation.", "Cations are part of the extracellular fluid."],
};
/** What the distractors are in the structure: relations running into the chain, siblings of answers. */
const NEIGHBOURS = [
  "Sunlight is converted into light energy.",
  "Fructose is a kind of sugar.",
  "Glucose is a kind of sugar.",
  "A burning cigarette produces tobacco smoke.",
  "Heart disease is a kind of disorder.",
  "Lung disease is a kind of disorder.",
  "The beta cell is part of the pancreas.",
  "A neurotransmitter is a kind of signalling molecule.",
  "Chloride ions are a kind of anion.",
];
const DEFINITIONS = [
  defined("glucose", "Glucose is a simple six-carbon carbohydrate."),
  defined("a hormone", "A hormone is a chemical messenger carried in the blood."),
  defined("emphysema", "Emphysema is a condition in which the air sacs are damaged."),
];

const ITEMS: { chain: keyof typeof CHAINS; stem: string; options: string[]; answer: number }[] = [
  { chain: "energy", stem: "Light energy is converted into something that is located in which of the following?", options: ["fructose", "sunlight", "glucose", "chemical energy"], answer: 2 },
  { chain: "smoke", stem: "Tobacco smoke causes X, X leads to Y, and Y is a kind of which of the following?", options: ["cigarette", "airway inflammation", "lung disease", "heart disease"], answer: 2 },
  { chain: "insulin", stem: "Pancreas produces something that is a kind of which of the following?", options: ["beta cell", "neurotransmitter", "hormone", "insulin"], answer: 2 },
  { chain: "ions", stem: "Sodium ions are a kind of something that is part of which of the following?", options: ["anion", "extracellular fluid", "cation", "chloride ions"], answer: 1 },
];

const everything = () => [...Object.values(CHAINS).flat().map(taught), ...NEIGHBOURS.map(taught), ...DEFINITIONS];
const accuracy = (instances: StudentInstance[]) => {
  const model = trainStudent(instances);
  return ITEMS.filter((i) => answerItem(model, i).choice === i.answer).length / ITEMS.length;
};

describe("the local student", () => {
  it("answers an item whose chain it was taught by chaining the single statements, in order", () => {
    const model = trainStudent(everything());
    for (const item of ITEMS) {
      const answer = answerItem(model, item);
      expect(answer.choice, item.stem).toBe(item.answer);
      expect(answer.evidence).toEqual(CHAINS[item.chain]);
      expect(answer.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
      expect(Math.max(...answer.scores)).toBe(answer.scores[item.answer]);
    }
  });

  it("gets better as the training data covers more of the chains", () => {
    // Coverage grows by whole steps, the same order every time: each set holds the one before.
    const steps = Object.values(CHAINS).flat();
    const rest = [...NEIGHBOURS.map(taught), ...DEFINITIONS];
    const curve = [0, 2, 4, 6, steps.length].map((n) => accuracy([...rest, ...steps.slice(0, n).map(taught)]));
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThanOrEqual(curve[i - 1]);
    expect(curve[0]).toBeLessThan(0.5);
    expect(curve[curve.length - 1]).toBe(1);
  });

  it("missing a step, it stops a step short (TRUNC's error) rather than reach the answer", () => {
    const model = trainStudent(everything().filter((x) => x.completion !== CHAINS.energy[1]));
    const item = ITEMS[0];
    const answer = answerItem(model, item);
    expect(answer.choice).not.toBe(item.answer);
    // It has read light energy → chemical energy and no further: the chain stopped early (TRUNC's error).
    expect(item.options[answer.choice!]).toBe("chemical energy");
    expect(answer.evidence).toEqual([CHAINS.energy[0]]);
  });

  it("abstains only when it retrieves nothing at all", () => {
    const unrelated = trainStudent([taught("Supply curves slope upward.")]);
    expect(answerItem(unrelated, ITEMS[0])).toEqual({ choice: null, scores: [0, 0, 0, 0], evidence: [] });
    // Something about the start, nothing of its chain: a guess by association, here the relation run backwards (INVREL).
    const partial = trainStudent([taught("Sunlight is converted into light energy.")]);
    const guess = answerItem(partial, ITEMS[0]);
    expect(ITEMS[0].options[guess.choice!]).toBe("sunlight");
    expect(guess.evidence).toEqual(["Sunlight is converted into light energy."]);
  });

  it("answers from the stem and the options' text only: shuffled options get the same option", () => {
    // Knowing it all, knowing some, and knowing only that light energy exists (every option a guess).
    const models = [trainStudent(everything()), trainStudent(everything().slice(0, 5)), trainStudent([taught("Light energy travels in waves.")])];
    const random = seededRandom(7);
    for (const model of models) {
      for (const item of ITEMS) {
        const first = answerItem(model, item);
        const chosen = first.choice === null ? null : item.options[first.choice];
        for (let k = 0; k < 5; k++) {
          const options = shuffled(item.options, random);
          const again = answerItem(model, { stem: item.stem, options });
          expect(again.choice === null ? null : options[again.choice]).toBe(chosen);
          for (const [i, o] of options.entries()) expect(again.scores[i]).toBeCloseTo(first.scores[item.options.indexOf(o)], 12);
        }
      }
    }
  });

  it("learns the instances' text only, never their links to the structure", () => {
    const linked = everything().map((x, n) => ({ ...x, conceptIds: [`c${n}`], relationIds: [`r${n}`], chunkId: `k${n}` }));
    const relinked = linked.map((x) => ({ ...x, conceptIds: ["other"], relationIds: [], chunkId: null }));
    expect(serializeStudent(trainStudent(linked))).toBe(serializeStudent(trainStudent(relinked)));
  });

  it("is deterministic: the same instances give the same model and the same answers", () => {
    expect(serializeStudent(trainStudent(everything()))).toBe(serializeStudent(trainStudent(everything())));
  });
});

describe("the local student's artefact", () => {
  it("loads back to a model that answers exactly as the one saved", () => {
    for (const instances of [everything(), everything().slice(0, 6)]) {
      const model = trainStudent(instances);
      const loaded = loadStudent(serializeStudent(model));
      expect(loaded.trainedOn).toEqual(model.trainedOn);
      expect(loaded.statements).toEqual(model.statements);
      for (const item of ITEMS) expect(answerItem(loaded, item)).toEqual(answerItem(model, item));
    }
  });

  it("carries its format and version, and refuses what is not one or is of another version", () => {
    const json = serializeStudent(trainStudent(everything()));
    expect(JSON.parse(json)).toMatchObject({ format: "proda-local-student", version: 1 });
    const refused = (text: string) => {
      try {
        loadStudent(text);
      } catch (e) {
        return e instanceof DomainError ? e.code : "other error";
      }
      return "loaded";
    };
    expect(refused("{not json")).toBe("BAD_INPUT");
    expect(refused(JSON.stringify({ format: "something-else" }))).toBe("BAD_INPUT");
    expect(refused(JSON.stringify({ ...JSON.parse(json), version: 99 }))).toBe("BAD_INPUT");
    expect(refused(JSON.stringify({ ...JSON.parse(json), statements: ["one statement too few"] }))).toBe("BAD_INPUT");
  });

  it("stays within its bounds whatever it is trained on", () => {
    const many = Array.from({ length: 500 }, (_, i) => taught(`Compound number ${i} is a kind of ${"very ".repeat(200)}long substance.`));
    const model = trainStudent(many, { maxStatements: 100, maxStatementChars: 120 });
    expect(model.trainedOn).toEqual({ instances: 500, statements: 100, droppedStatements: 400 });
    expect(model.statements.every((s) => s.length <= 120)).toBe(true);
    expect(serializeStudent(model).length).toBeLessThan(100 * 1024);
  });

  it("is named as the local stand-in for a GPU fine-tune, not as a language model", () => {
    const d = describeStudent(trainStudent(everything()));
    expect(d.label).toMatch(/stand-in for a GPU fine-tune/);
    expect(d.detail).toMatch(/Not a language model/);
    expect(d).toMatchObject({ format: "proda-local-student", version: 1, statements: everything().length });
  });
});
