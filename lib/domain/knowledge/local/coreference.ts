import { canonicalName } from "../canonical";
import type { RawTriple } from "./patterns";

/**
 * Inside one chunk a shorter name usually refers to a longer one said before it ("the cell
 * membrane … the membrane contains…"). A subject whose name is the word-final part of an
 * object named earlier in the chunk is renamed to that object, so the two triples link into a
 * chain through one concept instead of two.
 */
export function resolveHeads(triples: RawTriple[]): RawTriple[] {
  return triples.map((t, index) => {
    const key = canonicalName(t.subject);
    // Only a definite reference points back ("the membrane"); "Proteins are…" speaks of all proteins.
    if (!key || !new RegExp(`\\bthe\\s+${t.subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(t.evidence)) return t;
    const earlier = triples.slice(0, index).map((e) => e.object);
    const antecedent = earlier.reverse().find((o) => {
      const ok = canonicalName(o);
      return ok !== key && ok.endsWith(` ${key}`) && ok !== canonicalName(t.object);
    });
    return antecedent ? { ...t, subject: antecedent, via: t.via ?? "head" } : t;
  });
}
