// The structural check: an item leaks when one training instance gives away part of its chain,
// however it is worded, which neither n-grams nor MinHash can see (a definition of the middle
// concept "made from light energy and stored in glucose" shares no 13-gram with the question).
//
//   path:     the instance states two consecutive steps (start -p1-> X1 -p2-> X2): by its links,
//             it teaches both relations; by its text, it names the three concepts.
//   shortcut: it names the item's start and answer in one relation: by its links, it teaches a
//             relation and links both concepts; an instance with no links, by one sentence of it.
//
// Everything is looked up in hash maps built once over the items, keyed by what an instance
// brings (its relation ids, concept ids, the names in its text), so an instance costs a few
// lookups however many items there are.
import { agree } from "../knowledge/phrasing";
import type { PathStep } from "../tester/types";
import { createNameTable } from "./concept-names";
import { NO_VIOLATIONS, type Violation } from "./kinds";
import type { SentenceTokens } from "./normalize";

export type StructuralItem = { id: string; path?: readonly PathStep[] };
/** Empty or absent links (patches, imported instances) leave only the text to go by. */
export type StructuralInstance = { id: string; conceptIds?: readonly string[]; relationIds?: readonly string[] };

export interface StructureIndex {
  /** items with a chain of two steps or more (a chain cannot leak by two steps with fewer) */
  readonly size: number;
  add(item: StructuralItem): void;
  /** Path violations first, then shortcuts, each in the order the items were added. */
  check(instance: StructuralInstance, text: SentenceTokens | IdSentences): readonly Violation[];
}

/** A text as word ids of a vocabulary (the gate's tokenizer.ts): [0, length), sentences from `starts`. */
export type IdSentences = { ids: Int32Array; length: number; starts: readonly number[]; word: (id: number) => string };

type Item = {
  id: string;
  steps: readonly PathStep[];
  /** the name id of each concept along the chain: start, X1, …, answer */
  names: number[];
  startId?: string;
  answerId?: string;
};

const NO_ITEMS: readonly number[] = [];
const NO_IDS: readonly string[] = [];
const plainPhrase = (predicate: string) => predicate.replace(/_/g, " ");

/** item -> the first steps s of the pairs (s, s + 1) an instance states */
type Stated = Map<number, Set<number>>;
function state(stated: Stated, item: number, s: number): void {
  const set = stated.get(item);
  if (set) set.add(s);
  else stated.set(item, new Set([s]));
}

/** `phrase` turns a predicate name into the words a violation shows ("converts_to" → "is converted into"). */
export function createStructureIndex(options: { phrase?: (predicate: string) => string } = {}): StructureIndex {
  const phrase = options.phrase ?? plainPhrase;
  const names = createNameTable();
  const items: Item[] = [];
  // relation id of step s -> flat [item, s]; the pair (s, s + 1) is complete when s + 1's relation is taught too
  const byRelation = new Map<string, number[]>();
  // name id of the middle concept of steps (s, s + 1) -> flat [item, s]
  const byMiddle = new Map<number, number[]>();
  // start concept id -> answer concept id -> items: an instance's linked concepts are looked up in
  // pairs, not matched against every item of a start concept that begins hundreds of chains
  const byStartAndAnswer = new Map<string, Map<string, number[]>>();
  const byStartName = new Map<number, number[]>();
  const byStartNameWithoutIds = new Map<number, number[]>();
  const post = <K>(map: Map<K, number[]>, key: K, item: number, step = -1) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    if (step < 0) list.push(item);
    else list.push(item, step);
  };

  function add({ id, path }: StructuralItem): void {
    if (!path || path.length < 2) return;
    const index = items.length;
    const chain = [names.add(path[0].subject)];
    for (const step of path) chain.push(names.add(step.object));
    const item: Item = { id, steps: path, names: chain, startId: path[0].subjectId, answerId: path[path.length - 1].objectId };
    items.push(item);
    for (let s = 0; s < path.length; s++) {
      const relationId = path[s].relationId;
      if (relationId && path[s + 1]?.relationId) post(byRelation, relationId, index, s);
      if (s + 1 >= path.length) continue;
      const a = chain[s];
      const b = chain[s + 1];
      const c = chain[s + 2];
      // Three distinct names, or an instance naming two of them would pass for naming all three.
      if (a >= 0 && b >= 0 && c >= 0 && a !== b && b !== c && a !== c) post(byMiddle, b, index, s);
    }
    if (item.startId && item.answerId) {
      let answers = byStartAndAnswer.get(item.startId);
      if (!answers) byStartAndAnswer.set(item.startId, (answers = new Map()));
      post(answers, item.answerId, index);
    }
    const [start, answer] = [item.names[0], item.names[item.names.length - 1]];
    if (start >= 0 && answer >= 0 && start !== answer) {
      post(byStartName, start, index);
      if (!item.startId || !item.answerId) post(byStartNameWithoutIds, start, index);
    }
  }

  function check(instance: StructuralInstance, text: SentenceTokens | IdSentences): readonly Violation[] {
    const starts = text.starts;
    const total = "word" in text ? text.length : text.tokens.length;
    const relationIds = instance.relationIds ?? NO_IDS;
    const conceptIds = instance.conceptIds ?? NO_IDS;
    const linked = relationIds.length > 0 || conceptIds.length > 0;
    // A new set each call (clear() on a kept one is a runtime call that costs more); the other
    // collections are made only for the few texts that need them (most state nothing).
    const named = new Set<number>();
    let stated: Stated | null = null;
    let shortcuts: Set<number> | null = null;

    if (relationIds.length > 1) {
      const taught = new Set(relationIds);
      for (const r of taught) {
        const list = byRelation.get(r) ?? NO_ITEMS;
        for (let p = 0; p < list.length; p += 2) {
          const next = items[list[p]].steps[list[p + 1] + 1].relationId;
          if (next && taught.has(next)) state((stated ??= new Map()), list[p], list[p + 1]);
        }
      }
    }

    // By text, start and answer must share a sentence: every item for an instance with no links;
    // for one that teaches a relation, only the items made before their chains carried ids (their
    // names are all there is to match). Other instances need only the names of the whole text.
    const shortcutsByText = linked ? (relationIds.length > 0 ? byStartNameWithoutIds : null) : byStartName;
    const bySentence = shortcutsByText !== null && shortcutsByText.size > 0;
    const sentences: Set<number>[] = [];
    for (let k = 0; k < starts.length; k++) {
      const found = bySentence ? new Set<number>() : named;
      const end = starts[k + 1] ?? total;
      if ("word" in text) names.findIds(text.ids, text.word, starts[k], end, found);
      else names.find(text.tokens, starts[k], end, found);
      if (found === named) continue;
      sentences.push(found);
      for (const n of found) named.add(n);
    }
    if (named.size >= 3) {
      for (const middle of named) {
        const list = byMiddle.get(middle) ?? NO_ITEMS;
        for (let p = 0; p < list.length; p += 2) {
          const { names: chain } = items[list[p]];
          const s = list[p + 1];
          if (named.has(chain[s]) && named.has(chain[s + 2])) state((stated ??= new Map()), list[p], s);
        }
      }
    }

    if (relationIds.length > 0 && conceptIds.length > 1) {
      for (const c of conceptIds) {
        const answers = byStartAndAnswer.get(c);
        if (answers) for (const d of conceptIds) for (const i of answers.get(d) ?? NO_ITEMS) (shortcuts ??= new Set()).add(i);
      }
    }
    for (const sentence of sentences) {
      for (const start of sentence) {
        for (const i of shortcutsByText?.get(start) ?? NO_ITEMS) if (sentence.has(items[i].names[items[i].names.length - 1])) (shortcuts ??= new Set()).add(i);
      }
    }
    if (stated === null && shortcuts === null) return NO_VIOLATIONS;
    return violationsOf(instance.id, stated ?? new Map(), shortcuts ?? new Set());
  }

  function violationsOf(trainingId: string, stated: Stated, shortcuts: Set<number>): Violation[] {
    // One structural violation per item: a stated path says more than the shortcut it implies.
    const out: Violation[] = [];
    for (const i of [...stated.keys()].sort((a, b) => a - b)) {
      out.push({ trainingId, benchmarkId: items[i].id, kind: "path", shared: pathShared(items[i], [...stated.get(i)!].sort((a, b) => a - b)), similarity: 1 });
    }
    for (const i of [...shortcuts].sort((a, b) => a - b)) {
      if (!stated.has(i)) out.push({ trainingId, benchmarkId: items[i].id, kind: "shortcut", shared: shortcutShared(items[i]), similarity: 1 });
    }
    return out;
  }

  const statement = (s: PathStep) => `${s.subject} ${agree(s.subject, phrase(s.predicate))} ${s.object}`;

  /** "steps 1–3: a p b; b q c; c r d" for the pairs (0, 1) and (1, 2), steps numbered from 1. */
  function pathShared(item: Item, firsts: number[]): string {
    const ranges: string[] = [];
    const covered = new Set<number>();
    for (let k = 0; k < firsts.length; ) {
      let j = k;
      while (j + 1 < firsts.length && firsts[j + 1] === firsts[j] + 1) j++;
      ranges.push(`${firsts[k] + 1}–${firsts[j] + 2}`);
      for (let s = firsts[k]; s <= firsts[j] + 1; s++) covered.add(s);
      k = j + 1;
    }
    return `steps ${ranges.join(" and ")}: ${[...covered].map((s) => statement(item.steps[s])).join("; ")}`;
  }

  function shortcutShared(item: Item): string {
    const { steps } = item;
    return `steps 1–${steps.length} (start ${steps[0].subject}, answer ${steps[steps.length - 1].object}): ${steps.map(statement).join("; ")}`;
  }

  return {
    get size() {
      return items.length;
    },
    add,
    check,
  };
}
