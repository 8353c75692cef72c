import { pairedDifferenceInterval } from "../evaluation/difference";
import { evaluationMetrics, type AccuracyGroup, type AnsweredItem, type EvaluationMetrics } from "../evaluation/metrics";
import { answerBias } from "../tester/answer-bias";
import type { OptionOperator } from "../tester/types";
import type { DashboardReport, Pair } from "./report-schema";
import { mcnemar } from "./stats";

/** A frozen benchmark's active item, with what the comparison and the answer-bias baselines read. */
export type ComparedItem = {
  id: string;
  discipline: string;
  hops: number;
  stem: string;
  options: readonly { text: string; operator: OptionOperator }[];
  answerIndex: number;
};

/** A version's answers on the benchmark: the chosen option by item id (null: no option named). */
export type ComparedModel = { name: string; answers: ReadonlyMap<string, number | null> };

/** The benchmark's answer-bias baselines, overall and per discipline (the best cue beside chance). */
export type AnswerBaselines = { overall: DashboardReport["answerBias"]; byDiscipline: ReadonlyMap<string, DashboardReport["byDiscipline"][number]["baseline"]> };

export type CompareInput = {
  items: readonly ComparedItem[];
  /** the items' baselines when already known: a frozen benchmark's never change */
  baselines?: AnswerBaselines;
  /** the disciplines to list, in display order */
  disciplines: readonly { slug: string; name: string }[];
  models: readonly ComparedModel[];
  /** two of the models' names, the older first */
  pair: readonly [string, string] | null;
};

export type FlipKind = "fixed" | "broken";

export type Comparison = {
  metrics: Map<string, EvaluationMetrics>;
  pair: Pair | null;
  byDiscipline: DashboardReport["byDiscipline"];
  byLength: DashboardReport["byLength"];
  answerBias: DashboardReport["answerBias"];
  /** items that changed between the pair, in benchmark order */
  flips: { itemId: string; kind: FlipKind; wrongChose: string | null }[];
};

const cell = (g: AccuracyGroup) => ({ n: g.n, correct: g.correct, accuracy: g.accuracy, interval: g.interval });
const points = (correct: number, n: number) => (n === 0 ? 0 : (100 * correct) / n);
const CUES = { longestOption: "longest option", stemOverlap: "most words shared with the question", mostFrequentOption: "most frequent option" } as const;

function answered(items: readonly ComparedItem[], model: ComparedModel): AnsweredItem[] {
  const out: AnsweredItem[] = [];
  for (const item of items) {
    if (!model.answers.has(item.id)) continue;
    out.push({ discipline: item.discipline, hops: item.hops, answerIndex: item.answerIndex, choice: model.answers.get(item.id) ?? null, operators: item.options.map((o) => o.operator) });
  }
  return out;
}

/** What a wrong choice picked: its option's operator, or null when the reply named no option. */
function chose(item: ComparedItem, choice: number | null): string | null {
  return choice === null ? null : (item.options[choice]?.operator ?? null);
}

/**
 * Compares versions on one benchmark: each one's accuracy (with Wilson intervals) overall, per
 * discipline and per chain length through the evaluation metrics, and for the chosen pair the
 * paired comparison on the items both answered (gain in points, McNemar, fixed and broken items).
 */
export function compareModels(input: CompareInput): Comparison {
  const metrics = new Map(input.models.map((m) => [m.name, evaluationMetrics(answered(input.items, m))]));
  const byName = new Map(input.models.map((m) => [m.name, m]));
  const first = input.pair ? byName.get(input.pair[0]) : undefined;
  const second = input.pair ? byName.get(input.pair[1]) : undefined;

  const flips: Comparison["flips"] = [];
  const outcomes: [boolean, boolean][] = [];
  const pairByDiscipline = new Map<string, { n: number; a: number; b: number; fixed: number; broken: number }>();
  if (first && second) {
    for (const item of input.items) {
      if (!first.answers.has(item.id) || !second.answers.has(item.id)) continue;
      const a = first.answers.get(item.id) ?? null;
      const b = second.answers.get(item.id) ?? null;
      const right = [a === item.answerIndex, b === item.answerIndex] as [boolean, boolean];
      outcomes.push(right);
      const d = pairByDiscipline.get(item.discipline) ?? { n: 0, a: 0, b: 0, fixed: 0, broken: 0 };
      d.n++;
      if (right[0]) d.a++;
      if (right[1]) d.b++;
      if (!right[0] && right[1]) {
        d.fixed++;
        flips.push({ itemId: item.id, kind: "fixed", wrongChose: chose(item, a) });
      } else if (right[0] && !right[1]) {
        d.broken++;
        flips.push({ itemId: item.id, kind: "broken", wrongChose: chose(item, b) });
      }
      pairByDiscipline.set(item.discipline, d);
    }
  }
  const pair = first && second ? pairOf(first.name, second.name, outcomes) : null;

  const baselines = input.baselines ?? answerBaselines(input.items);
  const counts = new Map<string, number>();
  for (const i of input.items) counts.set(i.discipline, (counts.get(i.discipline) ?? 0) + 1);
  const byDiscipline = input.disciplines.flatMap(({ slug, name }) => {
    const items = counts.get(slug) ?? 0;
    if (!items) return [];
    const models = Object.fromEntries(input.models.flatMap((m) => {
      const g = metrics.get(m.name)!.byDiscipline[slug];
      return g ? [[m.name, cell(g)]] : [];
    }));
    const p = pairByDiscipline.get(slug);
    const baseline = baselines.byDiscipline.get(slug) ?? { chance: 0, bestCue: 0, cue: CUES.longestOption };
    return [{ slug, name, items, models, pair: pair ? { deltaPoints: p ? points(p.b, p.n) - points(p.a, p.n) : 0, fixed: p?.fixed ?? 0, broken: p?.broken ?? 0 } : null, baseline }];
  });

  const hops = [...new Set(input.items.map((i) => i.hops))].sort((a, b) => a - b);
  const byLength = hops.map((h) => ({
    hops: h,
    items: input.items.filter((i) => i.hops === h).length,
    models: Object.fromEntries(input.models.flatMap((m) => {
      const g = metrics.get(m.name)!.byLength[String(h)];
      return g ? [[m.name, cell(g)]] : [];
    })),
  }));

  return { metrics, pair, byDiscipline, byLength, answerBias: baselines.overall, flips };
}

const scorable = (items: readonly ComparedItem[]) => items.map((i) => ({ stem: i.stem, options: [...i.options], answerIndex: i.answerIndex }));

/** The answer-bias baselines of the items, overall and per discipline with the best of the cues. */
export function answerBaselines(items: readonly ComparedItem[]): AnswerBaselines {
  const groups = new Map<string, ComparedItem[]>();
  for (const i of items) {
    const group = groups.get(i.discipline);
    if (group) group.push(i);
    else groups.set(i.discipline, [i]);
  }
  const byDiscipline = new Map(
    [...groups].map(([slug, group]) => {
      const bias = answerBias(scorable(group));
      const [cue, bestCue] = (Object.keys(CUES) as (keyof typeof CUES)[]).map((k) => [CUES[k], bias[k]] as const).reduce((best, c) => (c[1] > best[1] ? c : best));
      return [slug, { chance: bias.chance, bestCue, cue }] as const;
    }),
  );
  return { overall: answerBias(scorable(items)), byDiscipline };
}

/** The paired comparison of two versions on the same items, first the older. */
export function pairOf(first: string, second: string, outcomes: readonly (readonly [boolean, boolean])[]): Pair {
  const n = outcomes.length;
  const firstCorrect = outcomes.filter((o) => o[0]).length;
  const secondCorrect = outcomes.filter((o) => o[1]).length;
  const test = mcnemar(outcomes);
  const bothRight = outcomes.filter((o) => o[0] && o[1]).length;
  // The same paired interval `proda loop` reports for V2 − V1, so the dashboard and the loop agree.
  const gain = pairedDifferenceInterval({ bothRight, onlyBefore: test.onlyFirst, onlyAfter: test.onlySecond, bothWrong: n - bothRight - test.onlyFirst - test.onlySecond });
  const interval = { low: 100 * gain.low, high: 100 * gain.high };
  const base = { first, second, n, firstCorrect, secondCorrect, deltaPoints: points(secondCorrect, n) - points(firstCorrect, n), interval, mcnemar: test, fixed: test.onlySecond, broken: test.onlyFirst };
  return { ...base, sentence: pairSentence(base) };
}

export const formatPValue = (p: number) => (p < 0.001 ? "< 0.001" : `= ${p >= 0.01 ? p.toFixed(2) : p.toFixed(3)}`);
const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;

/** "V2 − V1: +7.9 points (65.8% → 73.7% on 38 items), McNemar p = 0.03: 5 fixed, 2 broken. Unlikely to be noise." */
export function pairSentence(p: Omit<Pair, "sentence">): string {
  if (p.n === 0) return `${p.second} and ${p.first} answered no item in common: nothing to compare.`;
  const head = `${p.second} − ${p.first}: ${signed(p.deltaPoints)} points (${points(p.firstCorrect, p.n).toFixed(1)}% → ${points(p.secondCorrect, p.n).toFixed(1)}% on ${p.n} items)`;
  if (p.fixed + p.broken === 0) return `${head}: the two answer the same items right, so there is no difference to test.`;
  const verdict =
    p.mcnemar.pValue < 0.05
      ? `Unlikely to be noise (p < 0.05): ${p.deltaPoints >= 0 ? `${p.second} is better` : `${p.second} is worse`}.`
      : "Could be noise (p ≥ 0.05): too few items changed to tell a gain from chance.";
  return `${head}, McNemar p ${formatPValue(p.mcnemar.pValue)}: ${p.fixed} fixed, ${p.broken} broken. ${verdict}`;
}
