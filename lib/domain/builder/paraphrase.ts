import { z } from "zod";
import type { ChatModel } from "../ports";
import { nameForms } from "./noun-forms";
import type { TrainingInstanceDraft } from "./types";

export const PARAPHRASE_PROMPT_VERSION = "paraphrase-v1";

const answer = z.object({ prompt: z.string().min(3).max(2000), completion: z.string().min(3).max(4000) });

const SYSTEM = `You paraphrase training examples for a language model: a user message and the assistant's answer.
Keep every fact and every concept name exactly; change only the wording. Answer as JSON: {"prompt": "...", "completion": "..."}.`;

/**
 * An optional paraphrase of a synthesised instance by a chat model. The concept names it teaches
 * must survive in the answer, in either number (a paraphrase that drops them teaches something
 * else); otherwise the template's wording stays.
 */
export async function paraphraseInstance(model: ChatModel, instance: TrainingInstanceDraft, names: string[]): Promise<{ instance: TrainingInstanceDraft; paraphrased: boolean }> {
  const out = await model.complete({
    schemaName: "paraphrased_example",
    schema: answer,
    system: SYSTEM,
    user: `User message: ${instance.prompt}\nAssistant answer: ${instance.completion}\nConcept names to keep: ${names.join("; ")}`,
    temperature: 0.5,
  });
  const text = `${out.prompt}\n${out.completion}`.toLowerCase();
  // Either number will do: the template itself may say "a kind of organelle" for "organelles".
  if (names.some((n) => !nameForms(n).some((form) => text.includes(form.toLowerCase())))) return { instance, paraphrased: false };
  return { instance: { ...instance, prompt: out.prompt.trim(), completion: out.completion.trim() }, paraphrased: true };
}
