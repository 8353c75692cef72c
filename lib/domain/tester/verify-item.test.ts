import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatModel } from "@/lib/adapters/llm/openai-compatible";
import { startOpenAiServer, type ChatBody } from "@/test/openai-server";
import type { ChatModel } from "../ports";
import { verifyItem } from "./verify-item";

// A scripted endpoint that reads the question and the options as a model would, by rules the test sets.
let server: Awaited<ReturnType<typeof startOpenAiServer>>;
let model: ChatModel;
let script: (body: ChatBody) => { answer: string; reason: string };

beforeAll(async () => {
  server = await startOpenAiServer((body) => ({ content: JSON.stringify(script(body)) }));
  model = createChatModel({ name: "scripted", baseURL: server.baseURL, model: "judge" });
});
afterAll(() => server.close());

const item = {
  discipline: "biology",
  stem: "Light energy is converted into something that is located in which of the following?",
  options: [
    { text: "sunlight", conceptId: "s", operator: "INVREL" as const },
    { text: "glucose", conceptId: "g", operator: "ANSWER" as const },
    { text: "chemical energy", conceptId: "c", operator: "TRUNC" as const },
    { text: "fructose", conceptId: "f", operator: "NEARMISS" as const },
  ],
  answerIndex: 1,
};
const evidence = ["In photosynthesis light energy is converted into chemical energy.", "Chemical energy is stored in glucose."];
/** The letter the request gives an option. */
const letterOf = (body: ChatBody, text: string) => [...body.messages[body.messages.length - 1].content.matchAll(/([A-H])\) (.*)/g)].find((m) => m[2] === text)![1];

describe("LLM verification of an item", () => {
  it("passes an item the model answers right with its evidence and finds no other right option without the answer", async () => {
    script = (body) => (body.response_format?.json_schema?.name === "item_answer" ? { answer: letterOf(body, "glucose"), reason: "stated" } : { answer: letterOf(body, "None of these is a correct answer"), reason: "none" });
    expect(await verifyItem(model, item, evidence)).toBeNull();
    const [informed, blind] = server.requests.slice(-2).map((r) => r.body.messages[r.body.messages.length - 1].content);
    expect(informed).toContain("- Chemical energy is stored in glucose.");
    expect(blind).not.toContain("glucose");
    expect(blind).toContain("None of these is a correct answer");
  });

  it("rejects an item whose evidence leads the model to another option", async () => {
    script = (body) => ({ answer: letterOf(body, "chemical energy"), reason: "the context says so" });
    expect(await verifyItem(model, item, evidence)).toBe("with its evidence the model chose “chemical energy”, not the answer");
  });

  it("rejects an item with a second right answer once the key is removed", async () => {
    script = (body) => (body.response_format?.json_schema?.name === "item_answer" ? { answer: letterOf(body, "glucose"), reason: "stated" } : { answer: letterOf(body, "fructose"), reason: "fructose is stored too" });
    expect(await verifyItem(model, item, evidence)).toBe("with the answer removed the model found another right option: “fructose”");
  });
});
