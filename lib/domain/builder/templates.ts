import { agree, capitalise, whatIs } from "../knowledge/phrasing";
import type { Predicate } from "../knowledge/types";
import type { BuilderConcept, BuilderRelation, TrainingInstanceDraft } from "./types";

const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

export type Phrasing = (predicate: string) => Predicate;
export const phrasingOf = (vocabulary: Predicate[]): Phrasing => {
  const byName = new Map(vocabulary.map((p) => [p.name, p]));
  return (name) => byName.get(name) ?? { name, phrase: name.replace(/_/g, " "), inverse: `is the object of ${name.replace(/_/g, " ")}` };
};

type Draft = Omit<TrainingInstanceDraft, "discipline">;

/** L1: what the concept is, in the words of the chunk that defines it. */
export function definitionInstance(c: BuilderConcept): Draft | null {
  if (!c.definition) return null;
  return { kind: "definition", prompt: whatIs(c.name), completion: sentence(c.definition), conceptIds: [c.id], relationIds: [], chunkId: c.chunkId };
}

/** L2 forwards: "Complete the statement: Light energy is converted into …" */
export function relationInstance(r: BuilderRelation, subject: string, object: string, say: Phrasing): Draft {
  const p = say(r.predicate);
  return {
    kind: "relation",
    prompt: `Complete the statement: ${capitalise(subject)} ${agree(subject, p.phrase)} …`,
    completion: `${capitalise(subject)} ${agree(subject, p.phrase)} ${object}.`,
    conceptIds: [r.subjectId, r.objectId],
    relationIds: [r.id],
    chunkId: r.chunkId,
  };
}

/** L2 backwards, with the predicate's inverse phrasing: "Chemical energy is converted from …" */
export function inverseInstance(r: BuilderRelation, subject: string, object: string, say: Phrasing): Draft {
  const p = say(r.predicate);
  return {
    kind: "inverse",
    prompt: `Complete the statement: ${capitalise(object)} ${agree(object, p.inverse)} …`,
    completion: `${capitalise(object)} ${agree(object, p.inverse)} ${subject}.`,
    conceptIds: [r.objectId, r.subjectId],
    relationIds: [r.id],
    chunkId: r.chunkId,
  };
}

/** An explanation grounded in the evidence sentence of the source chunk. */
export function explanationInstance(r: BuilderRelation, subject: string, object: string, say: Phrasing): Draft {
  return {
    kind: "explanation",
    prompt: `According to the source text, how are ${subject} and ${object} related?`,
    completion: `${sentence(r.evidence)} In short, ${subject} ${agree(subject, say(r.predicate).phrase)} ${object}.`,
    conceptIds: [r.subjectId, r.objectId],
    relationIds: [r.id],
    chunkId: r.chunkId,
  };
}

/** Two near-miss concepts told apart by what each is or does. */
export function contrastInstance(a: BuilderConcept, aSays: string, b: BuilderConcept, bSays: string): Draft {
  return {
    kind: "contrast",
    prompt: `How does ${a.name} differ from ${b.name}?`,
    completion: `${sentence(aSays)} ${sentence(bSays)}`,
    conceptIds: [a.id, b.id],
    relationIds: [],
    chunkId: a.chunkId ?? b.chunkId,
  };
}
