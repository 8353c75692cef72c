import { describe, expect, it } from "vitest";
import { capRaw, choiceFromLogprobs, letterToken, MAX_RAW_ANSWER_CHARS, parseAnswer } from "./parse-answer";
import { formatQuestion, mcPrompt, promptRecord } from "./prompt";

const OPTIONS = ["fructose", "sunlight", "glucose", "chemical energy"];
const read = (raw: string, options: readonly string[] = OPTIONS) => parseAnswer(raw, options);

describe("parseAnswer", () => {
  it.each([
    ["B", 1],
    ["b", 1],
    ["(B)", 1],
    ["B.", 1],
    ["B)", 1],
    ["[C]", 2],
    ["  D\n", 3],
    ["**B**", 1],
    ["Answer: B", 1],
    ["answer: c", 2],
    ["The answer is **B**", 1],
    ["The answer is B.", 1],
    ["The correct answer is (C) glucose.", 2],
    ["Option D is correct.", 3],
    ["B. sunlight", 1],
    ["c) glucose", 2],
    ["C. glucose, not fructose", 2],
    ["B\n\nA is wrong because fructose is a sugar, and C is not produced here.", 1],
    ["A, because light energy is converted first.", 0],
  ])("reads the letter in %j", (raw, choice) => {
    expect(read(raw)).toEqual({ choice, parsedBy: "letter" });
  });

  it.each([
    ["glucose", 2],
    ["Glucose.", 2],
    ["  the GLUCOSE!  ", 2],
    ["It is stored as glucose.", 2],
    // "energy" of an option would be inside "chemical energy": the longer one is meant.
    ["chemical energy", 3],
    ["A hormone", 2],
  ])("reads the option named by its text in %j", (raw, choice) => {
    const options = raw === "A hormone" ? ["insulin", "beta cell", "hormone", "neurotransmitter"] : OPTIONS;
    expect(read(raw, options)).toEqual({ choice, parsedBy: "text" });
  });

  it("reads an option whose text holds a capital letter as that option, not as the letter", () => {
    const options = ["Vitamin A", "Vitamin C", "Vitamin D", "iron"];
    expect(read("Vitamin C", options)).toEqual({ choice: 1, parsedBy: "text" });
    expect(read("The answer is vitamin D.", options)).toEqual({ choice: 2, parsedBy: "text" });
    expect(read("B. Vitamin C", options)).toEqual({ choice: 1, parsedBy: "letter" });
  });

  it.each([
    ['{"answer":"B"}', 1],
    ['{"answer": "glucose"}', 2],
    ['{"choice": 1}', 1],
    ['{"Answer": "(d)"}', 3],
    ['```json\n{"answer": "C. glucose"}\n```', 2],
    ['Here you go: {"answer": "A"}', 0],
  ])("reads JSON in %j (numbers are 0-based indices, like ModelAnswer.choice)", (raw, choice) => {
    expect(read(raw)).toEqual({ choice, parsedBy: "json" });
  });

  it.each([
    [""],
    ["   "],
    ["A or B"],
    ["I think it's either A or C"],
    ["Both A and C are plausible."],
    ["The answer is B, not A."],
    ["I cannot answer this question."],
    ["I don't know."],
    ["None of the above."],
    ["Answer: E"],
    ["E"],
    ["B. glucose"],
    ["energy"],
    ['{"answer": "E"}'],
    ['{"choice": 7}'],
    ['{"reasoning": "it is stored"}'],
    ["<think>Light energy becomes chemical energy, stored in glucose, so"],
  ])("finds no single option in %j", (raw) => {
    expect(read(raw)).toEqual({ choice: null, parsedBy: null });
  });

  it("ignores a closed reasoning block", () => {
    expect(read("<think>Maybe A, maybe B.</think>\nC")).toEqual({ choice: 2, parsedBy: "letter" });
  });

  it("finds two options named by text ambiguous", () => {
    expect(read("glucose or fructose")).toEqual({ choice: null, parsedBy: null });
  });
});

describe("choiceFromLogprobs", () => {
  it("picks the most probable option letter, adding up its spellings", () => {
    const top = [
      { token: "A", logprob: Math.log(0.4) },
      { token: " B", logprob: Math.log(0.3) },
      { token: "B", logprob: Math.log(0.25) },
      { token: "The", logprob: Math.log(0.05) },
    ];
    expect(choiceFromLogprobs(top, 4)).toBe(1);
    expect(choiceFromLogprobs(top.slice(0, 1), 4)).toBe(0);
  });

  it("ignores words and letters past the last option; null when no letter is among them", () => {
    expect(choiceFromLogprobs([{ token: "E", logprob: -0.1 }, { token: "C", logprob: -3 }], 4)).toBe(2);
    expect(choiceFromLogprobs([{ token: "I", logprob: -0.1 }, { token: "The", logprob: -1 }], 4)).toBeNull();
    expect(choiceFromLogprobs([], 4)).toBeNull();
  });

  it("reads letter tokens with spaces, brackets and emphasis around them", () => {
    expect([" C", "(C", "C.", "c", "**C"].map((t) => letterToken(t, 4))).toEqual([2, 2, 2, 2, 2]);
    expect(["Ca", "", "E", "1"].map((t) => letterToken(t, 4))).toEqual([null, null, null, null]);
  });
});

describe("the multiple-choice prompt", () => {
  const question = { stem: "Light energy is converted into something that is located in\nwhich of the following?", options: OPTIONS };

  it("letters the options, asks for the letter only, and is the same every time", () => {
    const prompt = mcPrompt(question);
    expect(prompt.user).toBe(
      "Light energy is converted into something that is located in which of the following?\n\nA. fructose\nB. sunlight\nC. glucose\nD. chemical energy\n\nAnswer with one letter (A, B, C or D) only.",
    );
    expect(prompt.system).toMatch(/letter of the correct option only/);
    expect(mcPrompt(question)).toEqual(prompt);
    expect(promptRecord(prompt)).toBe(`[system]\n${prompt.system}\n\n[user]\n${prompt.user}`);
    expect(formatQuestion(question)).toBe(prompt.user.split("\n\nAnswer with")[0]);
  });

  it("refuses a question with fewer than two options or more than there are letters", () => {
    expect(() => mcPrompt({ stem: "?", options: ["only"] })).toThrow(/2 to 26 options/);
    expect(() => mcPrompt({ stem: "?", options: Array.from({ length: 27 }, (_, i) => `o${i}`) })).toThrow(/got 27/);
  });
});

it("keeps at most MAX_RAW_ANSWER_CHARS of a reply", () => {
  expect(capRaw("x".repeat(MAX_RAW_ANSWER_CHARS + 10))).toHaveLength(MAX_RAW_ANSWER_CHARS);
  expect(capRaw("B")).toBe("B");
});
