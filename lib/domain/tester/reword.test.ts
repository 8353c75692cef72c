import { describe, expect, it } from "vitest";
import type { ChatModel, ChatRequest } from "../ports";
import { rewordStem } from "./reword";
import type { BenchmarkItemDraft } from "./types";

/** A chat model that always answers the same question (an in-memory stand-in for the port). */
const answering = (question: string): ChatModel => ({
  endpoint: "memory",
  model: "fixed",
  complete: async <T>(req: ChatRequest<T>) => req.schema.parse({ question }),
  usage: () => ({ promptTokens: 0, completionTokens: 0, calls: 0 }),
});

const item: BenchmarkItemDraft = {
  chainId: "c",
  discipline: "biology",
  stem: "Light energy is converted into X1, and X1 is located in X2. What is X2?",
  options: [
    { text: "glucose", conceptId: "g", operator: "ANSWER" },
    { text: "sunlight", conceptId: "s", operator: "INVREL" },
    { text: "chemical energy", conceptId: "c", operator: "TRUNC" },
    { text: "fructose", conceptId: "f", operator: "NEARMISS" },
  ],
  answerIndex: 0,
  difficulty: 2,
  path: [
    { subject: "light energy", predicate: "converts_to", object: "chemical energy" },
    { subject: "chemical energy", predicate: "located_in", object: "glucose" },
  ],
};

describe("rewording a stem", () => {
  it("uses a natural rewording that keeps the start and names no option", async () => {
    const r = await rewordStem(answering("Light energy becomes some form X1 that is stored somewhere; where?"), item);
    expect(r).toEqual({ stem: "Light energy becomes some form X1 that is stored somewhere; where?", reworded: true });
  });
  it("keeps the template when the rewording names the answer, a distractor or an intermediate", async () => {
    for (const leak of ["Light energy ends up in glucose, true?", "Is light energy turned into chemical energy first?", "Does light energy come from sunlight?"]) {
      expect(await rewordStem(answering(leak), item)).toEqual({ stem: item.stem, reworded: false });
    }
  });
  it("keeps the template when the rewording loses the start", async () => {
    expect(await rewordStem(answering("What does photosynthesis store its energy in, in the end?"), item)).toEqual({ stem: item.stem, reworded: false });
  });
});
