import { describe, expect, it } from "vitest";
import type { ChatModel } from "../ports";
import { paraphraseInstance } from "./paraphrase";
import type { TrainingInstanceDraft } from "./types";

const instance: TrainingInstanceDraft = {
  discipline: "biology",
  kind: "relation",
  prompt: "Complete the statement: Mitochondria are a kind of …",
  completion: "Mitochondria are a kind of organelle.",
  conceptIds: ["m", "o"],
  relationIds: ["r"],
  chunkId: null,
};
// The schema is the caller's; this stub answers what the paraphrase schema describes.
const answering = (prompt: string, completion: string): ChatModel => ({
  endpoint: "stub",
  model: "stub",
  complete: async <T>() => ({ prompt, completion }) as T,
  usage: () => ({ promptTokens: 0, completionTokens: 0, calls: 0 }),
});

describe("paraphrasing an instance", () => {
  it("keeps a paraphrase that names every concept, in either number", async () => {
    const out = await paraphraseInstance(answering("Finish: mitochondria are one type of …", "Mitochondria are one type of organelle."), instance, ["mitochondria", "organelles"]);
    expect(out).toMatchObject({ paraphrased: true, instance: { completion: "Mitochondria are one type of organelle." } });
  });

  it("keeps the template when the paraphrase drops a concept", async () => {
    const out = await paraphraseInstance(answering("Finish: mitochondria are …", "Mitochondria are a kind of structure."), instance, ["mitochondria", "organelles"]);
    expect(out).toEqual({ paraphrased: false, instance });
  });
});
