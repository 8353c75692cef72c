import { definitionSentence } from "../builder/definition";
import { contrastInstance, definitionInstance, explanationInstance, inverseInstance, phrasingOf, relationInstance } from "../builder/templates";
import type { BuilderConcept, BuilderRelation } from "../builder/types";
import type { DebugConcept, DebugRelation, DebugStructure } from "./structure";
import type { PatchContent, PatchForm } from "./types";

export type PatchTarget = { kind: "concept"; id: string } | { kind: "relation"; id: string };
export type PatchDraft = { target: PatchTarget; form: PatchForm; content: PatchContent };

const asConcept = (c: DebugConcept): BuilderConcept => ({ id: c.id, name: c.name, definition: c.definition, chunkId: c.chunkId, approved: true });
const asRelation = (r: DebugRelation): BuilderRelation => ({ id: r.id, subjectId: r.subjectId, predicate: r.predicate, objectId: r.objectId, evidence: r.evidence, chunkId: r.chunkId, approved: true });

/**
 * The patches of one deficient concept or relation, in the Builder's own templates (so V2 reads
 * like V1): a relation is stated both ways and explained from its evidence; a concept is defined.
 * Either is contrasted with the concept the model chose instead (`chosenId`), when both have whole
 * definitions. Nothing here reads a benchmark item's text: only the structure, and which concept
 * the model picked.
 */
export function makePatches(target: PatchTarget, s: DebugStructure, chosenId: string | null): PatchDraft[] {
  const out: PatchDraft[] = [];
  const add = (form: PatchForm, content: PatchContent | null) => content && out.push({ target, form, content });
  const say = phrasingOf([...s.vocabulary]);
  if (target.kind === "relation") {
    const r = s.relations.get(target.id);
    const subject = r && s.concepts.get(r.subjectId);
    const object = r && s.concepts.get(r.objectId);
    if (!r || !subject || !object) return out;
    add("relation", relationInstance(asRelation(r), subject.name, object.name, say));
    add("inverse", inverseInstance(asRelation(r), subject.name, object.name, say));
    if (r.evidence.trim()) add("explanation", explanationInstance(asRelation(r), subject.name, object.name, say));
    add("contrast", contrast(object, chosenId, s));
  } else {
    const c = s.concepts.get(target.id);
    if (!c) return out;
    add("definition", definitionInstance(asConcept(c)));
    add("contrast", contrast(c, chosenId, s));
  }
  return out;
}

/** "How does a X differ from a Y?" with both definitions, when the model took Y for X. */
function contrast(right: DebugConcept, chosenId: string | null, s: DebugStructure): PatchContent | null {
  const chosen = chosenId && chosenId !== right.id ? s.concepts.get(chosenId) : undefined;
  if (!chosen || !right.definition || !chosen.definition) return null;
  const a = definitionSentence(right.name, right.definition);
  const b = definitionSentence(chosen.name, chosen.definition);
  return a && b ? contrastInstance(asConcept(right), a, asConcept(chosen), b) : null;
}
