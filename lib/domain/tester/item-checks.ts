import { canonicalName } from "../knowledge/canonical";
import { conceptRefusal } from "../knowledge/local/concept-quality";
import { contentWords } from "./equivalence";
import type { BenchmarkItemDraft, RejectedItem } from "./types";

/** Items with the same answer at most: a benchmark that asks for one concept again and again lets it be guessed. */
export const MAX_ITEMS_PER_ANSWER = 2;

/** Why the item is not one an expert would accept, judged on itself, or null. */
export function itemProblem(item: Pick<BenchmarkItemDraft, "path" | "options" | "answerIndex">): string | null {
  const start = item.path[0].subject;
  const subject = conceptRefusal(start);
  if (subject) return `the question's subject is not a concept (${subject})`;
  const answer = item.options[item.answerIndex].text;
  const startWords = new Set(contentWords(start));
  if (contentWords(answer).some((w) => w.length > 3 && startWords.has(w))) return "the question names the answer's words";
  return null;
}

/**
 * The checks across items, in build order: a stem asked before is a duplicate, and an answer
 * already asked for MAX_ITEMS_PER_ANSWER times is not asked again. Returns the kept items and the
 * refused ones with their reasons.
 */
export function acrossItems<T extends BenchmarkItemDraft>(items: T[]): { kept: T[]; rejected: (T & { reason: string })[] } {
  const stems = new Set<string>();
  const answers = new Map<string, number>();
  const kept: T[] = [];
  const rejected: (T & { reason: string })[] = [];
  for (const item of items) {
    const stem = item.stem.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const answer = `${item.discipline}|${canonicalName(item.options[item.answerIndex].text)}`;
    if (stems.has(stem)) rejected.push({ ...item, reason: "the same question as another item" });
    else if ((answers.get(answer) ?? 0) >= MAX_ITEMS_PER_ANSWER) rejected.push({ ...item, reason: `the same answer as ${MAX_ITEMS_PER_ANSWER} other items` });
    else {
      stems.add(stem);
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
      kept.push(item);
    }
  }
  return { kept, rejected };
}

export type { RejectedItem };
