import { canonicalName } from "../knowledge/canonical";
import type { GraphIndex } from "../knowledge/graph-index";
import { conceptRefusal } from "../knowledge/local/concept-quality";
import { equivalence, type Named } from "./equivalence";
import type { Candidate } from "./operators";
import type { ItemOption, Operator } from "./types";

const FILL_ORDER: Operator[] = ["NEARMISS", "INVREL", "TRUNC"];
// How far down an operator's list a better-fitting length is looked for.
const LOOKAHEAD = 12;
// Other right answers compared by name with each candidate (the nearest ones are enough).
const MAX_ALSO_RIGHT_COMPARED = 60;

export type DistractorContext = {
  graph: GraphIndex;
  answerId: string;
  startId: string;
  /** concepts the structure says also answer the question */
  alsoRight: Set<string>;
  pools: { op: Operator; queue: Candidate[] }[];
  /** options per item, the answer included */
  size: number;
  /** how often each concept already stands as a distractor in this benchmark, and the limit */
  uses: Map<string, number>;
  maxUses: number;
  random: () => number;
};

/**
 * The distractors of one item: one from each operator first, then more of whichever has
 * candidates left. A candidate is refused when it is the answer in other words, the start, a
 * concept the structure also reaches (a second right answer) or one of those in other words, a
 * fragment rather than a concept, or already a distractor in too many items. Among acceptable
 * candidates the lengths are chosen so that the answer is the longest option about as often as
 * any other place: a reader cannot pick it by its length.
 */
export function pickDistractors(ctx: DistractorContext): ItemOption[] {
  const { graph } = ctx;
  const named = (id: string): Named | null => {
    const c = graph.concept(id);
    return c ? { name: c.name, aliases: (c as { aliases?: string[] }).aliases } : null;
  };
  const answer = named(ctx.answerId)!;
  const start = named(ctx.startId)!;
  const others = [...ctx.alsoRight].slice(0, MAX_ALSO_RIGHT_COMPARED).map(named).filter((n): n is Named => n !== null);
  const picked: ItemOption[] = [];
  const pickedNamed: Named[] = [];
  const used = new Set([canonicalName(answer.name), canonicalName(start.name)]);
  const acceptable = (c: Candidate): Named | null => {
    const n = named(c.conceptId);
    if (!n || c.conceptId === ctx.answerId || c.conceptId === ctx.startId || ctx.alsoRight.has(c.conceptId)) return null;
    if (used.has(canonicalName(n.name)) || (ctx.uses.get(c.conceptId) ?? 0) >= ctx.maxUses || conceptRefusal(n.name)) return null;
    if ([answer, start, ...pickedNamed, ...others].some((o) => equivalence(n, o))) return null;
    return n;
  };
  // How many distractors should be longer than the answer: uniform over the answer's places.
  let longer = Math.floor(ctx.random() * ctx.size);
  const take = (op: Operator, queue: Candidate[]): boolean => {
    const fits: { index: number; n: Named }[] = [];
    for (let i = 0; i < queue.length && fits.length < LOOKAHEAD; i++) {
      const n = acceptable(queue[i]);
      if (n) fits.push({ index: i, n });
    }
    if (!fits.length) {
      queue.length = 0;
      return false;
    }
    const wantLonger = longer > 0;
    const choice = fits.find((f) => (f.n.name.length > answer.name.length) === wantLonger) ?? fits[0];
    const [c] = queue.splice(choice.index, 1);
    if (choice.n.name.length > answer.name.length) longer--;
    used.add(canonicalName(choice.n.name));
    pickedNamed.push(choice.n);
    picked.push({ text: choice.n.name, conceptId: c.conceptId, operator: op, note: c.note });
    return true;
  };
  for (const { op, queue } of ctx.pools) if (picked.length < ctx.size - 1) take(op, queue);
  const fill = FILL_ORDER.map((name) => ctx.pools.find((p) => p.op === name)!).filter(Boolean);
  while (picked.length < ctx.size - 1 && fill.some(({ op, queue }) => picked.length < ctx.size - 1 && take(op, queue)));
  return picked;
}
