import { canonicalName } from "./canonical";

/** The parts of a structure the index reads (chains are not among them). */
/** `topic`: the document the concept was found in, when known. */
export type IndexConcept = { id: string; name: string; topic?: string | null };
export type IndexRelation = { id: string; subjectId: string; predicate: string; objectId: string };

/** Words too common in a discipline's names to say two concepts are close ("cell", "energy"). */
const MAX_WORD_SHARE = 400;
const MAX_CANDIDATES = 200;
const SHORTLIST = 64;
const STOP_WORDS = new Set(["of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "by", "with"]);

/**
 * One discipline's structure indexed for the operators: relations by end, and the concepts
 * close to a given one (sharing a name word, a parent by is_a, or a role as the object of the
 * same predicate), ranked by name similarity. Built once per discipline: no scan per item.
 */
export type GraphIndex = {
  concept(id: string): IndexConcept | undefined;
  key(id: string): string;
  /** relations whose object is the concept */
  into(conceptId: string): IndexRelation[];
  /** relations whose subject is the concept */
  outOf(conceptId: string): IndexRelation[];
  /** concepts close to this one, best first */
  nearMisses(conceptId: string): string[];
  /** the concepts found in one topic (document) */
  inTopic(topic: string): string[];
};

export function indexGraph(input: { concepts: IndexConcept[]; relations: IndexRelation[] }): GraphIndex {
  const concepts = new Map(input.concepts.map((c) => [c.id, c]));
  const keys = new Map(input.concepts.map((c) => [c.id, canonicalName(c.name)]));
  const into = group(input.relations, (r) => r.objectId);
  const outOf = group(input.relations, (r) => r.subjectId);
  const parents = group(input.relations.filter((r) => r.predicate === "is_a"), (r) => r.subjectId);
  const children = group(input.relations.filter((r) => r.predicate === "is_a"), (r) => r.objectId);
  const objectsOf = new Map<string, string[]>();
  for (const r of input.relations) push(objectsOf, r.predicate, r.objectId);
  const byTopic = new Map<string, string[]>();
  for (const c of input.concepts) if (c.topic) push(byTopic, c.topic, c.id);
  const byWord = new Map<string, string[]>();
  for (const c of input.concepts) for (const w of new Set(wordsOf(keys.get(c.id)!))) push(byWord, w, c.id);
  const grams = new Map<string, Set<string>>();
  const gramsOf = (id: string) => grams.get(id) ?? grams.set(id, trigrams(keys.get(id) ?? "")).get(id)!;

  function nearMisses(id: string): string[] {
    const scores = new Map<string, number>();
    const add = (other: string, bonus: number) => other !== id && concepts.has(other) && scores.set(other, (scores.get(other) ?? 0) + bonus);
    // Same type: siblings under an is_a parent.
    for (const p of parents.get(id) ?? []) for (const s of (children.get(p.objectId) ?? []).slice(0, MAX_CANDIDATES)) add(s.subjectId, 0.5);
    // Same role: other objects of the predicates that reach this concept.
    for (const r of into.get(id) ?? []) for (const o of (objectsOf.get(r.predicate) ?? []).slice(0, MAX_CANDIDATES)) add(o, 0.2);
    // Close in name: sharing a content word (the common ones say nothing).
    for (const w of wordsOf(keys.get(id) ?? "")) {
      const list = byWord.get(w) ?? [];
      if (list.length <= MAX_WORD_SHARE) for (const o of list) add(o, 0.3);
    }
    const mine = gramsOf(id);
    // Name similarity is the costly part: only the best candidates by type, role and shared words get it.
    const shortlist = scores.size > SHORTLIST ? [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SHORTLIST) : [...scores];
    return shortlist
      .map(([other, bonus]) => [other, bonus + jaccard(mine, gramsOf(other))] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_CANDIDATES)
      .map(([other]) => other);
  }

  return {
    concept: (id) => concepts.get(id),
    key: (id) => keys.get(id) ?? id,
    into: (id) => into.get(id) ?? [],
    outOf: (id) => outOf.get(id) ?? [],
    nearMisses,
    inTopic: (topic) => byTopic.get(topic) ?? [],
  };
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) push(out, key(t), t);
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const wordsOf = (key: string) => key.split(/\s+/).filter((w) => w.length > 2 && !STOP_WORDS.has(w));

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared || 1);
}
