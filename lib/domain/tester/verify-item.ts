import { z } from "zod";
import type { ChatModel } from "../ports";
import type { BenchmarkItemDraft } from "./types";

export const VERIFY_ITEMS_PROMPT_VERSION = "verify-item-v1";

const LETTERS = "ABCDEFGH";
const choice = z.object({ answer: z.string().trim().min(1).max(3), reason: z.string().max(600) });

const WITH_EVIDENCE = `You answer a multiple-choice question using the context given, which states the facts the question is built from.
Pick the one option that the context shows to be correct. Answer as JSON: {"answer": "<letter>", "reason": "..."}.`;

const WITHOUT_ANSWER = `You are a domain expert checking a multiple-choice question for a second right answer.
Using your knowledge of the discipline, decide whether any of the options correctly answers the question. If none does, choose the option that says so.
Answer as JSON: {"answer": "<letter>", "reason": "..."}.`;

type Checked = Pick<BenchmarkItemDraft, "stem" | "options" | "answerIndex" | "discipline">;

/**
 * The LLM verification of one item, in two passes. With its chain's evidence sentences the model
 * must pick the keyed answer (else the stem does not say what the chain says); with the answer
 * removed it must find no other right option (else a distractor is also right). Returns why the
 * item fails, or null when it passes.
 */
export async function verifyItem(model: ChatModel, item: Checked, evidence: string[]): Promise<string | null> {
  const listed = (texts: string[]) => texts.map((t, i) => `${LETTERS[i]}) ${t}`).join("\n");
  const letterOf = (answer: string) => LETTERS.indexOf(answer.trim().charAt(0).toUpperCase());
  const texts = item.options.map((o) => o.text);
  const informed = await model.complete({
    schemaName: "item_answer",
    schema: choice,
    system: WITH_EVIDENCE,
    user: `Context:\n${evidence.map((e) => `- ${e}`).join("\n")}\n\nQuestion: ${item.stem}\n${listed(texts)}`,
    temperature: 0,
  });
  const picked = letterOf(informed.answer);
  if (picked !== item.answerIndex) {
    return `with its evidence the model chose ${picked >= 0 && picked < texts.length ? `“${texts[picked]}”` : `“${informed.answer}”`}, not the answer`;
  }
  const others = texts.filter((_, i) => i !== item.answerIndex);
  const none = "None of these is a correct answer";
  const blind = await model.complete({
    schemaName: "item_second_answer",
    schema: choice,
    system: WITHOUT_ANSWER,
    user: `Discipline: ${item.discipline}\nQuestion: ${item.stem}\n${listed([...others, none])}`,
    temperature: 0,
  });
  const second = letterOf(blind.answer);
  if (second !== others.length) {
    return `with the answer removed the model found another right option: ${second >= 0 && second < others.length ? `“${others[second]}”` : `“${blind.answer}”`}`;
  }
  return null;
}
