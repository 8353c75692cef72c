import { agree, capitalise } from "../knowledge/phrasing";
import type { Predicate } from "../knowledge/types";
import type { PathStep } from "./types";

/**
 * The question states the start and the path of relations, with the concepts along the way
 * left as X1, X2, … so that the answer (the last one) and the intermediates (TRUNC's
 * distractors) are not given away: "Light energy is converted into X1, and X1 is contained in
 * X2. What is X2?"
 */
export function stemOf(path: PathStep[], vocabulary: Predicate[]): string {
  const phrase = new Map(vocabulary.map((p) => [p.name, p.phrase]));
  const say = (predicate: string) => phrase.get(predicate) ?? predicate.replace(/_/g, " ");
  const clauses = path.map((step, i) => (i === 0 ? `${step.subject} ${agree(step.subject, say(step.predicate))} X1` : `X${i} ${say(step.predicate)} X${i + 1}`));
  const joined = clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(", ")}, and ${clauses[clauses.length - 1]}`;
  return `${capitalise(joined)}. What is X${path.length}?`;
}
