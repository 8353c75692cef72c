import type { Predicate } from "../knowledge/types";

export type DebugConcept = { id: string; name: string; definition: string | null; chunkId: string | null };
export type DebugRelation = { id: string; subjectId: string; predicate: string; objectId: string; evidence: string; chunkId: string | null };

/** One discipline's L1/L2, indexed for the probes: what each concept relates to, both ways, and by predicate. */
export type DebugStructure = {
  concepts: ReadonlyMap<string, DebugConcept>;
  relations: ReadonlyMap<string, DebugRelation>;
  bySubject: ReadonlyMap<string, DebugRelation[]>;
  byObject: ReadonlyMap<string, DebugRelation[]>;
  byPredicate: ReadonlyMap<string, DebugRelation[]>;
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
  return {
    concepts: new Map(concepts.map((c) => [c.id, c])),
    relations: new Map(relations.map((r) => [r.id, r])),
    bySubject,
    byObject,
    byPredicate,
    conceptIds: concepts.map((c) => c.id).sort(),
    vocabulary,
  };
}
