import type { Predicate } from "../knowledge/types";

/** `topic`: the document the concept was found in, when known (probes take their wrong options from it first). */
export type DebugConcept = { id: string; name: string; definition: string | null; chunkId: string | null; topic?: string | null };
export type DebugRelation = { id: string; subjectId: string; predicate: string; objectId: string; evidence: string; chunkId: string | null };

/** One discipline's L1/L2, indexed for the probes: what each concept relates to, both ways, and by predicate. */
export type DebugStructure = {
  concepts: ReadonlyMap<string, DebugConcept>;
  relations: ReadonlyMap<string, DebugRelation>;
  bySubject: ReadonlyMap<string, DebugRelation[]>;
  byObject: ReadonlyMap<string, DebugRelation[]>;
  byPredicate: ReadonlyMap<string, DebugRelation[]>;
  /** the concepts of each topic (document), in a fixed order */
  byTopic: ReadonlyMap<string, readonly string[]>;
  /** every concept id, in a fixed order (seeded picks must not depend on load order) */
  conceptIds: readonly string[];
  vocabulary: readonly Predicate[];
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function indexStructure(concepts: readonly DebugConcept[], relations: readonly DebugRelation[], vocabulary: readonly Predicate[]): DebugStructure {
  const bySubject = new Map<string, DebugRelation[]>();
  const byObject = new Map<string, DebugRelation[]>();
  const byPredicate = new Map<string, DebugRelation[]>();
  for (const r of relations) {
    push(bySubject, r.subjectId, r);
    push(byObject, r.objectId, r);
    push(byPredicate, r.predicate, r);
  }
  const byTopic = new Map<string, string[]>();
  for (const c of concepts) if (c.topic) push(byTopic, c.topic, c.id);
  for (const ids of byTopic.values()) ids.sort();
  return {
    concepts: new Map(concepts.map((c) => [c.id, c])),
    relations: new Map(relations.map((r) => [r.id, r])),
    bySubject,
    byObject,
    byPredicate,
    byTopic,
    conceptIds: concepts.map((c) => c.id).sort(),
    vocabulary,
  };
}
