import { chainProblem } from "../knowledge/chain-rules";
import { indexGraph } from "../knowledge/graph-index";
import { findHubs } from "../knowledge/link-chains";
import { hashSeed, seededRandom, shuffled } from "../random";
import { alsoRight } from "./also-right";
import { answerBias, type AnswerBias } from "./answer-bias";
import { acrossItems, itemProblem } from "./item-checks";
import { OPERATOR_REGISTRY } from "./operators";
import { pickDistractors } from "./pick-distractors";
import { stemOf } from "./stem";
import { OPERATORS, type BenchmarkItemDraft, type ItemOption, type Operator, type RejectedItem, type SkippedChain, type TesterInput, type TesterOptions } from "./types";

export type BenchmarkBuild = {
  items: BenchmarkItemDraft[];
  /** items the automatic checks refused, with the reason */
  rejected: RejectedItem[];
  skipped: SkippedChain[];
  stats: BenchmarkStats;
};

export type BenchmarkStats = {
  items: number;
  byDiscipline: Record<string, number>;
  /** distractors made by each operator */
  byOperator: Record<Operator, number>;
  byLength: Record<string, number>;
  /** chains that could not become an item, by reason */
  skipped: Record<string, number>;
  /** items the automatic checks refused, by reason */
  rejected: Record<string, number>;
  answerBias: AnswerBias;
};

const MIN_OPTIONS = 3;
/** Items one concept may be a distractor in: the same wrong option everywhere is learned, not reasoned out. */
export const MAX_DISTRACTOR_USES = 3;

/**
 * The Tester: one multiple-choice item per chain that reasons (chain rules, no hub), its answer
 * the chain's conclusion, its distractors from the operators, each checked (never the answer in
 * other words, never another right answer, never overused), the answer's place shuffled by a
 * generator seeded per chain and its length rank balanced. Items that fail a check are returned
 * with the reason; the statistics carry the answer-bias baselines of the kept items.
 */
export function buildBenchmark(inputs: TesterInput[], options: TesterOptions): BenchmarkBuild {
  const size = options.options ?? 4;
  const made: BenchmarkItemDraft[] = [];
  const rejected: RejectedItem[] = [];
  const skipped: SkippedChain[] = [];
  const uses = new Map<string, number>();
  for (const input of inputs) {
    const graph = indexGraph(input);
    const hubs = findHubs(input.relations);
    for (const chain of input.chains) {
      const skip = (reason: string) => skipped.push({ chainId: chain.id, discipline: input.discipline, reason });
      const names = [chain.steps[0]?.subjectId, ...chain.steps.map((s) => s.objectId)].map((id) => graph.concept(id));
      if (chain.steps.length < 2) {
        skip("shorter than two steps");
        continue;
      }
      if (names.some((c) => !c) || chain.steps.some((s, i) => i > 0 && chain.steps[i - 1].objectId !== s.subjectId)) {
        skip("its steps do not link (not reachable)");
        continue;
      }
      const view = chain.steps.map((s) => ({ subject: graph.concept(s.subjectId)!.name, predicate: s.predicate, object: graph.concept(s.objectId)!.name, evidence: s.evidence ?? s.id }));
      const hubNames = new Set(names.filter((c) => hubs.has(c!.id)).map((c) => c!.name));
      const byName = new Map(names.map((c) => [c!.name, c!]));
      const start = chain.steps[0].subjectId;
      const answerId = chain.steps[chain.steps.length - 1].objectId;
      const problem = chainProblem(view, {
        isHub: (name) => hubNames.has(name),
        definitionOf: (name) => (byName.get(name) as { definition?: string | null } | undefined)?.definition,
      });
      if (problem) {
        skip(problem.replace(/ \(.*\)$/, ""));
        continue;
      }
      const onChain = new Set([start, ...chain.steps.map((s) => s.objectId)]);
      const ctx = { chain, onChain, answerId, graph };
      const random = seededRandom(hashSeed(`${options.seed}:${chain.id}`));
      const picked = pickDistractors({
        graph,
        answerId,
        startId: start,
        alsoRight: new Set([...alsoRight(graph, start, chain.steps.map((s) => s.predicate))].filter((id) => id !== answerId)),
        pools: OPERATOR_REGISTRY.map((op) => ({ op: op.name, queue: op.candidates(ctx) })),
        size,
        uses,
        maxUses: MAX_DISTRACTOR_USES,
        random,
      });
      const answer: ItemOption = { text: graph.concept(answerId)!.name, conceptId: answerId, operator: "ANSWER" };
      const optionsShuffled = shuffled([answer, ...picked], random);
      const path = chain.steps.map((s) => ({ subject: graph.concept(s.subjectId)!.name, predicate: s.predicate, object: graph.concept(s.objectId)!.name, relationId: s.id, subjectId: s.subjectId, objectId: s.objectId }));
      const item: BenchmarkItemDraft = {
        chainId: chain.id,
        discipline: input.discipline,
        stem: stemOf(path, input.vocabulary),
        options: optionsShuffled,
        answerIndex: optionsShuffled.indexOf(answer),
        difficulty: chain.steps.length,
        path,
      };
      const reason = picked.length + 1 < MIN_OPTIONS ? `only ${picked.length} acceptable distractor${picked.length === 1 ? "" : "s"}` : itemProblem(item);
      if (reason) {
        rejected.push({ ...item, reason });
        continue;
      }
      for (const o of picked) uses.set(o.conceptId, (uses.get(o.conceptId) ?? 0) + 1);
      made.push(item);
    }
  }
  const across = acrossItems(made);
  const all = [...rejected, ...across.rejected];
  return { items: across.kept, rejected: all, skipped, stats: statsOf(across.kept, skipped, all) };
}

export function statsOf(
  items: Pick<BenchmarkItemDraft, "discipline" | "options" | "difficulty" | "stem" | "answerIndex">[],
  skipped: Pick<SkippedChain, "reason">[] = [],
  rejected: Pick<RejectedItem, "reason">[] = [],
): BenchmarkStats {
  const count = (rec: Record<string, number>, k: string) => (rec[k] = (rec[k] ?? 0) + 1);
  const stats: BenchmarkStats = { items: items.length, byDiscipline: {}, byOperator: { INVREL: 0, TRUNC: 0, NEARMISS: 0 }, byLength: {}, skipped: {}, rejected: {}, answerBias: answerBias(items) };
  for (const item of items) {
    count(stats.byDiscipline, item.discipline);
    count(stats.byLength, String(item.difficulty));
    for (const o of item.options) if (o.operator !== "ANSWER") stats.byOperator[o.operator]++;
  }
  for (const s of skipped) count(stats.skipped, s.reason);
  for (const r of rejected) count(stats.rejected, r.reason.replace(/^only \d+ acceptable distractors?$/, "too few acceptable distractors"));
  for (const op of OPERATORS) stats.byOperator[op] ??= 0;
  return stats;
}
