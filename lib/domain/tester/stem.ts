import { agree, capitalise } from "../knowledge/phrasing";
import type { Predicate } from "../knowledge/types";
import type { PathStep } from "./types";

/**
 * The question states the start and each step of the path in words, and hides the concepts
 * along the way, so that neither the answer nor the intermediates (TRUNC's distractors) are
 * given away. Two steps read as one sentence ("Light energy is converted into something that is
 * located in which of the following?"); longer paths name the hidden concepts X, Y, Z.
 */
export function stemOf(path: PathStep[], vocabulary: Predicate[]): string {
  const phrase = new Map(vocabulary.map((p) => [p.name, p.phrase]));
  const say = (predicate: string) => phrase.get(predicate) ?? predicate.replace(/_/g, " ");
  const [first, ...rest] = path;
  const opening = `${capitalise(first.subject)} ${agree(first.subject, say(first.predicate))}`;
  if (rest.length === 1) return `${opening} something that ${say(rest[0].predicate)} which of the following?`;
  const names = ["X", "Y", "Z", "W"];
  const middle = rest.slice(0, -1).map((step, i) => `${names[i]} ${say(step.predicate)} ${names[i + 1]}`);
  const last = `${names[rest.length - 1]} ${say(rest[rest.length - 1].predicate)} which of the following`;
  return `${opening} ${names[0]}, ${[...middle, `and ${last}`].join(", ")}?`;
}
