import { canonicalName } from "../canonical";
import type { ExtractedTriple } from "../types";

/**
 * Inside one chunk a shorter name usually refers to a longer one said before it ("the cell
 * membrane … the membrane contains…"). A subject whose name is the word-final part of an
 * object named earlier in the chunk is renamed to that object, so the two triples link into a
 * chain through one concept instead of two.
 */
export function resolveHeads(triples: ExtractedTriple[]): ExtractedTriple[] {
  return triples.map((t, index) => {
    const key = canonicalName(t.subject);
    if (!key) return t;
    const earlier = triples.slice(0, index).map((e) => e.object);
    const antecedent = earlier.reverse().find((o) => {
      const ok = canonicalName(o);
      return ok !== key && ok.endsWith(` ${key}`) && ok !== canonicalName(t.object);
    });
    return antecedent ? { ...t, subject: antecedent } : t;
  });
}
