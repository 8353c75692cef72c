import { capitalise, isPlural } from "../knowledge/phrasing";
import type { Predicate } from "../knowledge/types";
import { definitionSentence } from "./definition";
import { askWhatIs, withArticle } from "./noun-forms";
import { fallbackPhrasing, realise } from "./realise";
import type { BuilderConcept, BuilderRelation, TrainingInstanceDraft } from "./types";

export type Phrasing = (predicate: string) => Predicate;
export const phrasingOf = (vocabulary: Predicate[]): Phrasing => {
  const byName = new Map(vocabulary.map((p) => [p.name, p]));
  return (name) => byName.get(name) ?? fallbackPhrasing(name);
};

type Draft = Omit<TrainingInstanceDraft, "discipline">;

/** L1: what the concept is, in the words of the chunk that defines it, whole; nothing when they were cut. */
export function definitionInstance(c: BuilderConcept, completion = c.definition ? definitionSentence(c.name, c.definition) : null): Draft | null {
  if (!completion) return null;
  return { kind: "definition", prompt: askWhatIs(c.name), completion, conceptIds: [c.id], relationIds: [], chunkId: c.chunkId };
}

/** L2 forwards: "Complete the statement: Light energy is converted into …" */
export function relationInstance(r: BuilderRelation, subject: string, object: string, say: Phrasing): Draft {
  const { prompt, statement } = realise({ subject, predicate: r.predicate, object }, "forwards", say(r.predicate));
  return { kind: "relation", prompt, completion: statement, conceptIds: [r.subjectId, r.objectId], relationIds: [r.id], chunkId: r.chunkId };
}

/** L2 backwards, asking for the subject: "Complete the statement: Chemical energy results from the conversion of …" */
export function inverseInstance(r: BuilderRelation, subject: string, object: string, say: Phrasing): Draft {
  const { prompt, statement } = realise({ subject, predicate: r.predicate, object }, "backwards", say(r.predicate));
  return { kind: "inverse", prompt, completion: statement, conceptIds: [r.objectId, r.subjectId], relationIds: [r.id], chunkId: r.chunkId };
}

/** The evidence sentence of the source chunk, quoted, then the one relation it grounds. */
export function explanationInstance(r: BuilderRelation, subject: string, object: string, say: Phrasing): Draft {
  const { clause } = realise({ subject, predicate: r.predicate, object }, "forwards", say(r.predicate));
  return {
    kind: "explanation",
    prompt: `How are ${withArticle(subject, "the")} and ${withArticle(object, "the")} related?`,
    completion: `${evidenceSentence(r.evidence)} In short, ${clause}.`,
    conceptIds: [r.subjectId, r.objectId],
    relationIds: [r.id],
    chunkId: r.chunkId,
  };
}

/** Two near-miss concepts told apart by their definitions (the caller checks they are whole and unrelated). */
export function contrastInstance(a: BuilderConcept, aDefinition: string, b: BuilderConcept, bDefinition: string): Draft {
  return {
    kind: "contrast",
    prompt: `How ${isPlural(a.name) ? "do" : "does"} ${withArticle(a.name, "a")} differ from ${withArticle(b.name, "a")}?`,
    completion: `${aDefinition} ${bDefinition}`,
    conceptIds: [a.id, b.id],
    relationIds: [],
    chunkId: a.chunkId ?? b.chunkId,
  };
}

/**
 * The evidence as a sentence: a glossary line ("- histogram: a graphical representation…") is
 * read as the definition it is ("A histogram is a graphical representation…"); otherwise the
 * bullet is dropped and a capital and a full stop are added where there are none.
 */
function evidenceSentence(s: string): string {
  const glossary = /^[-•*]\s*([^:;]{2,60}?):\s+(.+)$/.exec(s.trim());
  const defined = glossary && definitionSentence(glossary[1].replace(/\s*\([^)]*\)\s*$/, ""), glossary[2]);
  return defined ?? sentence(s);
}

function sentence(s: string): string {
  const t = capitalise(s.trim().replace(/^[-•*]\s+/, ""));
  return /[.!?]["”’)]*$/.test(t) ? t : `${t}.`;
}
