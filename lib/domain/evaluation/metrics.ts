import { z } from "zod";
import { OPERATORS, type Operator, type OptionOperator } from "../tester/types";

/** One benchmark item as answered: what the metrics need and nothing else. */
export type AnsweredItem = {
  /** the discipline's slug */
  discipline: string;
  /** the chain's length (BenchmarkItem.difficulty) */
  hops: number;
  answerIndex: number;
  /** null: the reply named no single option */
  choice: number | null;
  /** the operator that produced each option, in the options' order ("ANSWER" for the answer) */
  operators: readonly OptionOperator[];
};

export const intervalSchema = z.object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) });
export type Interval = z.infer<typeof intervalSchema>;

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);

export const accuracyGroupSchema = z.object({
  n: count,
  correct: count,
  /** unparseable replies, counted as wrong */
  unparseable: count,
  /** correct / n; 0 when n is 0 */
  accuracy: rate,
  /** Wilson 95% score interval of the accuracy */
  interval: intervalSchema,
});
export type AccuracyGroup = z.infer<typeof accuracyGroupSchema>;

/** How many wrong answers chose this kind of option: `rate` among all items, `shareOfWrong` among the wrong ones. */
export const wrongChoiceSchema = z.object({ count, rate, shareOfWrong: rate });

export const evaluationMetricsSchema = accuracyGroupSchema.extend({
  byDiscipline: z.record(z.string(), accuracyGroupSchema),
  /** keyed by the chain's length: "2", "3", ... */
  byLength: z.record(z.string().regex(/^\d+$/), accuracyGroupSchema),
  /**
   * Where the wrong answers went: a distractor of each operator, no option at all (unparseable),
   * or `other` (a choice past the last option, or one recorded with no distractor operator).
   */
  byOperator: z.object({
    INVREL: wrongChoiceSchema,
    TRUNC: wrongChoiceSchema,
    NEARMISS: wrongChoiceSchema,
    unparseable: wrongChoiceSchema,
    other: wrongChoiceSchema,
  }),
});
export type EvaluationMetrics = z.infer<typeof evaluationMetricsSchema>;

/**
 * The Wilson score interval of a proportion: unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and
 * is not zero-width at 0/n or n/n, which small per-discipline groups hit all the time. With no
 * items nothing is known: [0, 1].
 */
export function wilsonInterval(correct: number, n: number, z = 1.96): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = correct / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Rounding can leave 1e-17 outside at 0/n and n/n.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const isCorrect = (item: AnsweredItem) => item.choice === item.answerIndex;

function group(items: readonly AnsweredItem[]): AccuracyGroup {
  const n = items.length;
  const correct = items.filter(isCorrect).length;
  const unparseable = items.filter((i) => i.choice === null).length;
  return { n, correct, unparseable, accuracy: n === 0 ? 0 : correct / n, interval: wilsonInterval(correct, n) };
}

function groupsBy(items: readonly AnsweredItem[], key: (item: AnsweredItem) => string): Record<string, AccuracyGroup> {
  const groups = new Map<string, AnsweredItem[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  // Sorted keys: the same items give the same JSON, whatever order they were answered in.
  const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return Object.fromEntries(keys.map((k) => [k, group(groups.get(k)!)]));
}

type WrongKind = Operator | "unparseable" | "other";

function wrongKind(item: AnsweredItem): WrongKind {
  if (item.choice === null) return "unparseable";
  const operator = item.operators[item.choice];
  return (OPERATORS as readonly string[]).includes(operator) ? (operator as Operator) : "other";
}

/**
 * Accuracy overall, per discipline and per chain length, each with its Wilson interval; and, for
 * the wrong answers, which operator's distractor was chosen: INVREL (a relation read backwards),
 * TRUNC (the chain stopped early), NEARMISS (a look-alike concept), or no option at all.
 */
export function evaluationMetrics(items: readonly AnsweredItem[]): EvaluationMetrics {
  const n = items.length;
  const wrong = items.filter((i) => !isCorrect(i));
  const tally: Record<WrongKind, number> = { INVREL: 0, TRUNC: 0, NEARMISS: 0, unparseable: 0, other: 0 };
  for (const item of wrong) tally[wrongKind(item)]++;
  const entry = (k: WrongKind) => ({ count: tally[k], rate: n === 0 ? 0 : tally[k] / n, shareOfWrong: wrong.length === 0 ? 0 : tally[k] / wrong.length });
  return {
    ...group(items),
    byDiscipline: groupsBy(items, (i) => i.discipline),
    byLength: groupsBy(items, (i) => String(i.hops)),
    byOperator: { INVREL: entry("INVREL"), TRUNC: entry("TRUNC"), NEARMISS: entry("NEARMISS"), unparseable: entry("unparseable"), other: entry("other") },
  };
}
