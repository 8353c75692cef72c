import type { Candidate, DistractorOperator } from "./operator";

/**
 * INVREL answers as if a relation of the chain ran the other way: where the chain goes
 * s -p-> o, a concept x with x -p-> s (a cause of s instead of an effect). The steps nearest
 * the answer come first; then any relation that points into the chain, whatever its predicate.
 */
export const invrel: DistractorOperator = {
  name: "INVREL",
  description: "a concept reached by inverting a relation of the chain (a cause instead of an effect)",
  candidates({ chain, onChain, graph }) {
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const take = (conceptId: string, note: string) => {
      if (onChain.has(conceptId) || seen.has(conceptId)) return;
      seen.add(conceptId);
      out.push({ conceptId, note });
    };
    const name = (id: string) => graph.concept(id)?.name ?? id;
    const steps = [...chain.steps].reverse();
    for (const step of steps) {
      for (const r of graph.into(step.subjectId)) if (r.predicate === step.predicate) take(r.subjectId, `inverts ${step.predicate}: ${name(r.subjectId)} ${r.predicate} ${name(step.subjectId)}`);
    }
    for (const step of steps) {
      for (const r of graph.into(step.objectId)) take(r.subjectId, `inverts: ${name(r.subjectId)} ${r.predicate} ${name(step.objectId)}`);
      for (const r of graph.into(step.subjectId)) take(r.subjectId, `inverts: ${name(r.subjectId)} ${r.predicate} ${name(step.subjectId)}`);
    }
    return out;
  },
};
