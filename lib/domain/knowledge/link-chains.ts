import { chainProblem, composes } from "./chain-rules";
import { isGeneral } from "./local/concept-quality";

/** A relation as the chain linker reads it: where it stands and how sure its extractor was. */
export type LinkRelation = {
  id: string;
  subjectId: string;
  predicate: string;
  objectId: string;
  subject: string;
  object: string;
  evidence: string;
  documentId: string | null;
  /** null: written by a person or an engine that does not say (as sure as can be) */
  confidence: number | null;
};

export type LinkOptions = {
  /** a concept's definition by name: a chain one definition states is not a chain */
  definitionOf?: (name: string) => string | null | undefined;
  maxSteps?: number;
  /** chains with a step from one document */
  maxPerDocument?: number;
  /** chains with a step from one sentence */
  maxPerSentence?: number;
};

const HUB_MIN_DEGREE = 8;
const HUB_RATIO = 3;
// A concept reached from this many relations is followed only through its surest ones.
const MAX_BRANCHING = 12;

/**
 * A hub is linked to far more of the discipline than its neighbours are ("cells", "quantity"):
 * a chain through it joins things that only share it, so its conclusion does not follow.
 */
export function findHubs(relations: Pick<LinkRelation, "subjectId" | "objectId">[]): Set<string> {
  const degree = new Map<string, number>();
  const neighbours = new Map<string, string[]>();
  for (const r of relations) {
    for (const [a, b] of [[r.subjectId, r.objectId], [r.objectId, r.subjectId]]) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      const list = neighbours.get(a);
      if (list) list.push(b);
      else neighbours.set(a, [b]);
    }
  }
  const hubs = new Set<string>();
  for (const [id, d] of degree) {
    if (d < HUB_MIN_DEGREE) continue;
    const around = neighbours.get(id)!.map((n) => degree.get(n) ?? 0).sort((a, b) => a - b);
    const median = around[Math.floor(around.length / 2)] ?? 0;
    if (d >= HUB_RATIO * Math.max(1, median)) hubs.add(id);
  }
  return hubs;
}

/**
 * L3 across a discipline: its relations linked through shared concepts into chains whose
 * conclusion follows (chain-rules), from at least two sentences, never through a hub or a
 * general concept. The surest chains first (the product of their steps' confidences, shorter
 * before longer at equal confidence); a chain inside one already chosen is not chosen again;
 * caps per document and per sentence keep one passage from dominating. Returns relation ids.
 */
export function linkChainsAcross(relations: LinkRelation[], options: LinkOptions = {}): string[][] {
  const { maxSteps = 3, maxPerDocument = 8, maxPerSentence = 2, definitionOf } = options;
  const hubs = findHubs(relations);
  const avoid = (conceptId: string, name: string) => hubs.has(conceptId) || isGeneral(name);
  const surest = (r: LinkRelation) => r.confidence ?? 1;
  const outOf = new Map<string, LinkRelation[]>();
  for (const r of relations) {
    if (avoid(r.subjectId, r.subject) || avoid(r.objectId, r.object)) continue;
    const list = outOf.get(r.subjectId);
    if (list) list.push(r);
    else outOf.set(r.subjectId, [r]);
  }
  for (const [id, list] of outOf) outOf.set(id, list.sort((a, b) => surest(b) - surest(a) || (a.id < b.id ? -1 : 1)).slice(0, MAX_BRANCHING));
  const candidates: { steps: LinkRelation[]; score: number }[] = [];
  const walk = (steps: LinkRelation[], seen: Set<string>) => {
    const last = steps[steps.length - 1];
    if (steps.length >= 2 && chainProblem(steps, { definitionOf }) === null) candidates.push({ steps, score: steps.reduce((p, s) => p * surest(s), 1) });
    if (steps.length === maxSteps) return;
    for (const next of outOf.get(last.objectId) ?? []) {
      if (seen.has(next.objectId) || !composes(last.predicate, next.predicate)) continue;
      walk([...steps, next], new Set([...seen, next.objectId]));
    }
  };
  for (const list of outOf.values()) for (const r of list) walk([r], new Set([r.subjectId, r.objectId]));
  candidates.sort((a, b) => b.score - a.score || a.steps.length - b.steps.length || signature(a.steps).localeCompare(signature(b.steps)));
  const chosen: string[][] = [];
  // Signatures of every stretch of two or more steps of a chosen chain, and of the chains themselves.
  const inside = new Set<string>();
  const whole = new Set<string>();
  const perDocument = new Map<string, number>();
  const perSentence = new Map<string, number>();
  const over = (map: Map<string, number>, keys: string[], max: number) => keys.some((k) => (map.get(k) ?? 0) >= max);
  for (const { steps } of candidates) {
    const stretches = stretchesOf(steps);
    if (inside.has(signature(steps)) || stretches.some((s) => whole.has(s))) continue;
    const documents = [...new Set(steps.map((s) => s.documentId ?? ""))];
    const sentences = [...new Set(steps.map((s) => s.evidence.trim()))];
    if (over(perDocument, documents, maxPerDocument) || over(perSentence, sentences, maxPerSentence)) continue;
    for (const d of documents) perDocument.set(d, (perDocument.get(d) ?? 0) + 1);
    for (const s of sentences) perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
    for (const s of stretches) inside.add(s);
    whole.add(signature(steps));
    chosen.push(steps.map((s) => s.id));
  }
  return chosen;
}

/** The signatures of every run of two or more consecutive steps. */
function stretchesOf(steps: Pick<LinkRelation, "id">[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) for (let j = i + 2; j <= steps.length; j++) out.push(signature(steps.slice(i, j)));
  return out;
}

const signature = (steps: Pick<LinkRelation, "id">[]) => steps.map((s) => s.id).join(">");
