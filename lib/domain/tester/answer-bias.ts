import { canonicalName } from "../knowledge/canonical";
import { contentWords } from "./equivalence";

/**
 * How well a test-taker who never read the question's subject would do by a surface cue alone.
 * Each baseline picks, per item, the options that score best on its cue and earns 1/k when the
 * answer is among the k tied ones (a fair coin between ties). Near chance means the cue does not
 * give the answer away; `chance` is the mean of 1/options.
 */
export type AnswerBias = { items: number; chance: number; longestOption: number; stemOverlap: number; mostFrequentOption: number };

type Scorable = { stem: string; options: { text: string }[]; answerIndex: number };

export function answerBias(items: Scorable[]): AnswerBias {
  if (items.length === 0) return { items: 0, chance: 0, longestOption: 0, stemOverlap: 0, mostFrequentOption: 0 };
  const frequency = new Map<string, number>();
  for (const item of items) for (const o of item.options) frequency.set(canonicalName(o.text), (frequency.get(canonicalName(o.text)) ?? 0) + 1);
  let chance = 0;
  let longest = 0;
  let overlap = 0;
  let frequent = 0;
  for (const item of items) {
    chance += 1 / item.options.length;
    longest += creditOf(item, (o) => o.text.length);
    const stemWords = new Set(contentWords(item.stem));
    overlap += creditOf(item, (o) => contentWords(o.text).filter((w) => stemWords.has(w)).length);
    frequent += creditOf(item, (o) => frequency.get(canonicalName(o.text)) ?? 0);
  }
  const rate = (n: number) => Math.round((n / items.length) * 1000) / 1000;
  return { items: items.length, chance: rate(chance), longestOption: rate(longest), stemOverlap: rate(overlap), mostFrequentOption: rate(frequent) };
}

/** 1/k when the answer is among the k options with the highest score, else 0. */
function creditOf(item: Scorable, score: (o: { text: string }) => number): number {
  const scores = item.options.map(score);
  const best = Math.max(...scores);
  const tied = scores.filter((s) => s === best).length;
  return scores[item.answerIndex] === best ? 1 / tied : 0;
}
