import { canonicalName } from "../knowledge/canonical";
import { hashSeed, seededRandom, shuffled } from "../random";
import { indexGraph, type GraphIndex } from "../knowledge/graph-index";
import { OPERATOR_REGISTRY, type Candidate } from "./operators";
import { stemOf } from "./stem";
import { OPERATORS, type BenchmarkItemDraft, type ItemOption, type Operator, type SkippedChain, type TesterInput, type TesterOptions } from "./types";

export type BenchmarkBuild = {
  items: BenchmarkItemDraft[];
  skipped: SkippedChain[];
  stats: BenchmarkStats;
};

export type BenchmarkStats = {
  items: number;
  byDiscipline: Record<string, number>;
  /** distractors made by each operator */
  byOperator: Record<Operator, number>;
  byLength: Record<string, number>;
  skipped: Record<string, number>;
};

const MIN_OPTIONS = 3;
const FILL_ORDER: Operator[] = ["NEARMISS", "INVREL", "TRUNC"];

/**
 * The Tester: one multiple-choice item per chain, its answer the chain's conclusion, its
 * distractors from the operators (one each first, then more of whichever has candidates left),
 * options distinct by canonical name and never the start (which the stem names). The position
 * of the answer is shuffled by a generator seeded per chain, so adding chains moves nothing.
 */
export function buildBenchmark(inputs: TesterInput[], options: TesterOptions): BenchmarkBuild {
  const size = options.options ?? 4;
  const items: BenchmarkItemDraft[] = [];
  const skipped: SkippedChain[] = [];
  for (const input of inputs) {
    const graph = indexGraph(input);
    for (const chain of input.chains) {
      const skip = (reason: string) => skipped.push({ chainId: chain.id, discipline: input.discipline, reason });
      if (chain.steps.length < 2) {
        skip("shorter than two steps");
        continue;
      }
      const names = [chain.steps[0].subjectId, ...chain.steps.map((s) => s.objectId)].map((id) => graph.concept(id));
      if (names.some((c) => !c) || chain.steps.some((s, i) => i > 0 && chain.steps[i - 1].objectId !== s.subjectId)) {
        skip("its steps do not link (not reachable)");
        continue;
      }
      const start = chain.steps[0].subjectId;
      const answerId = chain.steps[chain.steps.length - 1].objectId;
      const onChain = new Set([start, ...chain.steps.map((s) => s.objectId)]);
      const ctx = { chain, onChain, answerId, graph };
      const pools = OPERATOR_REGISTRY.map((op) => ({ op: op.name, queue: op.candidates(ctx) }));
      // Other concepts the same path of predicates reaches from the start are right answers too:
      // none of them may stand as a distractor.
      const alsoRight = [...reachedBy(graph, start, chain.steps.map((s) => s.predicate))].filter((id) => id !== answerId);
      const used = new Set([graph.key(answerId), graph.key(start), ...alsoRight.map((id) => graph.key(id))]);
      const picked: ItemOption[] = [];
      const pickFrom = (op: Operator, queue: Candidate[]) => {
        while (queue.length) {
          const c = queue.shift()!;
          const concept = graph.concept(c.conceptId);
          const key = concept ? canonicalName(concept.name) : "";
          if (!concept || !key || used.has(key)) continue;
          used.add(key);
          picked.push({ text: concept.name, conceptId: concept.id, operator: op, note: c.note });
          return true;
        }
        return false;
      };
      for (const { op, queue } of pools) if (picked.length < size - 1) pickFrom(op, queue);
      // Fill the remaining places round-robin, near misses first (they are the most plentiful).
      const fillOrder = FILL_ORDER.map((name) => pools.find((p) => p.op === name)!);
      while (picked.length < size - 1 && fillOrder.some(({ op, queue }) => picked.length < size - 1 && pickFrom(op, queue)));
      if (picked.length + 1 < MIN_OPTIONS) {
        skip(`only ${picked.length} distinct distractor${picked.length === 1 ? "" : "s"}`);
        continue;
      }
      const answer: ItemOption = { text: graph.concept(answerId)!.name, conceptId: answerId, operator: "ANSWER" };
      const random = seededRandom(hashSeed(`${options.seed}:${chain.id}`));
      const optionsShuffled = shuffled([answer, ...picked], random);
      const path = chain.steps.map((s) => ({ subject: graph.concept(s.subjectId)!.name, predicate: s.predicate, object: graph.concept(s.objectId)!.name, relationId: s.id, subjectId: s.subjectId, objectId: s.objectId }));
      items.push({
        chainId: chain.id,
        discipline: input.discipline,
        stem: stemOf(path, input.vocabulary),
        options: optionsShuffled,
        answerIndex: optionsShuffled.indexOf(answer),
        difficulty: chain.steps.length,
        path,
      });
    }
  }
  return { items, skipped, stats: statsOf(items, skipped) };
}

export function statsOf(items: Pick<BenchmarkItemDraft, "discipline" | "options" | "difficulty">[], skipped: Pick<SkippedChain, "reason">[] = []): BenchmarkStats {
  const count = (rec: Record<string, number>, k: string) => (rec[k] = (rec[k] ?? 0) + 1);
  const stats: BenchmarkStats = { items: items.length, byDiscipline: {}, byOperator: { INVREL: 0, TRUNC: 0, NEARMISS: 0 }, byLength: {}, skipped: {} };
  for (const item of items) {
    count(stats.byDiscipline, item.discipline);
    count(stats.byLength, String(item.difficulty));
    for (const o of item.options) if (o.operator !== "ANSWER") stats.byOperator[o.operator]++;
  }
  for (const s of skipped) count(stats.skipped, s.reason.replace(/^only \d+ distinct distractors?$/, "too few distinct distractors"));
  for (const op of OPERATORS) stats.byOperator[op] ??= 0;
  return stats;
}

/** Every concept reached from `start` by following these predicates in order (the chain's path, any branch). */
function reachedBy(graph: GraphIndex, start: string, predicates: string[]): Set<string> {
  let frontier = new Set([start]);
  for (const predicate of predicates) {
    const next = new Set<string>();
    for (const id of frontier) for (const r of graph.outOf(id)) if (r.predicate === predicate) next.add(r.objectId);
    frontier = next;
  }
  return frontier;
}
