import { tokensOf } from "./words";
import type { StudentInstance } from "./types";

/**
 * The statements an instance teaches: the sentences of its completion. The prompt is left out:
 * it is a question ("What is a neutrophil?", "How are the X and the Y related?") or the statement
 * cut before its last concept, which the completion then says whole, so it teaches nothing more
 * and a cut statement would be read as a fact.
 */
export function statementsOf(instance: StudentInstance): string[] {
  return instance.completion
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?]["”’)]*)\s+(?=["“(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

export type Collected = { statements: string[]; instances: number; dropped: number };

/**
 * Every instance's statements once (the Builder states a relation again in its explanation, and
 * a definition again in each contrast), in the order met, within the bounds: the model's size
 * stays bounded whatever it is trained on, and what is kept is what the Builder put first.
 */
export function collectStatements(instances: Iterable<StudentInstance>, maxStatements: number, maxChars: number): Collected {
  const seen = new Set<string>();
  const statements: string[] = [];
  let count = 0;
  let dropped = 0;
  for (const instance of instances) {
    count++;
    for (const raw of statementsOf(instance)) {
      const text = cut(raw, maxChars);
      const key = tokensOf(text).join(" ");
      if (seen.has(key)) continue;
      seen.add(key);
      if (statements.length < maxStatements) statements.push(text);
      else dropped++;
    }
  }
  return { statements, instances: count, dropped };
}

/** At most `max` characters, cut at the last word boundary. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(" ");
  return space > max / 2 ? head.slice(0, space) : head;
}
