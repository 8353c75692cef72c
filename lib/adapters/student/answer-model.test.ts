import { describe, expect, it } from "vitest";
import { formatQuestion } from "@/lib/domain/evaluation";
import { STUDENT_LABEL, trainStudent, type StudentInstance } from "@/lib/domain/student";
import { createStudentAnswerModel } from "./answer-model";

/** A relation statement as the Builder writes one: the prompt cut before the object, the whole statement as completion. */
const taught = (statement: string): StudentInstance => ({ prompt: `Complete the statement: ${statement.replace(/ [^ ]+\.$/, " …")}`, completion: statement });

const STEPS = ["Light energy is converted into chemical energy.", "Chemical energy is located in glucose."];
const OTHERS = ["Sunlight is converted into light energy.", "Fructose is a kind of sugar.", "Glucose is a kind of sugar."];
const question = { stem: "Light energy is converted into something that is located in which of the following?", options: ["fructose", "sunlight", "glucose", "chemical energy"] };

describe("the local student as a model under evaluation", () => {
  it("answers a question whose statements it learned, naming its letter and the statements it chained", async () => {
    const model = createStudentAnswerModel(trainStudent([...STEPS, ...OTHERS].map(taught)));
    expect(model.label).toBe(STUDENT_LABEL);
    expect(model.label).toMatch(/offline stand-in for a GPU fine-tune/);
    const answer = await model.answer(question);
    expect(answer).toMatchObject({ choice: 2, parsedBy: "student", promptTokens: null, completionTokens: null, prompt: formatQuestion(question) });
    expect(answer.raw).toBe(`C. glucose\nEvidence:\n- ${STEPS[0]}\n- ${STEPS[1]}`);
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("answers no better than what it was taught: missing the second step, it stops a step short", async () => {
    const answer = await createStudentAnswerModel(trainStudent([STEPS[0], ...OTHERS].map(taught))).answer(question);
    expect(answer.choice).toBe(3);
    expect(answer.raw).toMatch(/^D\. chemical energy\nEvidence:\n- Light energy is converted into chemical energy\.$/);
  });

  it("abstains (choice null) when it learned nothing that matches, and honours an aborted signal", async () => {
    const model = createStudentAnswerModel(trainStudent([taught("Supply curves slope upward.")]));
    const answer = await model.answer(question);
    expect(answer).toMatchObject({ choice: null, parsedBy: "student" });
    expect(answer.raw).toMatch(/^No answer/);
    const controller = new AbortController();
    const cancel = new Error("cancelled");
    controller.abort(cancel);
    await expect(model.answer(question, { signal: controller.signal })).rejects.toBe(cancel);
  });
});
