import { z } from "zod";
import type { ChatModel } from "../ports";
import type { BenchmarkItemDraft } from "./types";

export const REWORD_PROMPT_VERSION = "reword-v1";

const answer = z.object({ question: z.string().min(10).max(600) });

const SYSTEM = `You reword multiple-choice questions generated from a chain of relations so they read naturally.
Keep exactly the meaning: the same start concept, the same relations in the same order, asking for the concept at the end of the chain.
Never name the answer or any concept of the chain except the start. Answer as JSON: {"question": "..."}.`;

/**
 * A natural rewording of an item's templated stem by a chat model. The rewording must still
 * name the start and must not leak any option (the answer, a distractor) or an intermediate
 * concept; otherwise the template stays. Returns the stem to use and whether it changed.
 */
export async function rewordStem(model: ChatModel, item: BenchmarkItemDraft): Promise<{ stem: string; reworded: boolean }> {
  const start = item.path[0].subject;
  const hidden = [...item.options.map((o) => o.text), ...item.path.slice(0, -1).map((s) => s.object)];
  const chain = item.path.map((s, i) => `${i === 0 ? s.subject : `X${i}`} --${s.predicate}--> X${i + 1}`).join("\n");
  const { question } = await model.complete({
    schemaName: "reworded_question",
    schema: answer,
    system: SYSTEM,
    user: `Chain:\n${chain}\n\nTemplated question: ${item.stem}\n\nStart concept (must appear): ${start}`,
    temperature: 0.3,
  });
  const lower = question.toLowerCase();
  const leaks = hidden.some((h) => h.toLowerCase() !== start.toLowerCase() && lower.includes(h.toLowerCase()));
  if (leaks || !lower.includes(start.toLowerCase())) return { stem: item.stem, reworded: false };
  return { stem: question.trim(), reworded: true };
}
