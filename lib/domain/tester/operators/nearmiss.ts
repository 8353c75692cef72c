import type { DistractorOperator } from "./operator";

/**
 * NEARMISS: a concept of the same kind as the answer (a sibling under one of its classes, or
 * the object of the same predicate), off the chain; from the answer's own topic (document) first.
 * A concept that only shares a word with the answer is not of its kind ("genital mutilation"
 * for a philosophy method) and is not offered.
 */
export const nearmiss: DistractorOperator = {
  name: "NEARMISS",
  description: "a concept of the same kind and topic as the answer, not on the chain",
  candidates({ answerId, onChain, graph }) {
    const answer = graph.concept(answerId);
    const parents = new Set(graph.outOf(answerId).filter((r) => r.predicate === "is_a" || r.predicate === "example_of").map((r) => r.objectId));
    const roles = new Set(graph.into(answerId).map((r) => r.predicate));
    const sameKind = (id: string) =>
      graph.outOf(id).some((r) => (r.predicate === "is_a" || r.predicate === "example_of") && parents.has(r.objectId)) || graph.into(id).some((r) => roles.has(r.predicate));
    const topic = answer?.topic ?? null;
    const ranked = graph.nearMisses(answerId).filter((id) => !onChain.has(id) && sameKind(id));
    const sameTopic = topic ? ranked.filter((id) => graph.concept(id)?.topic === topic) : [];
    const elsewhere = ranked.filter((id) => !sameTopic.includes(id));
    return [...sameTopic, ...elsewhere].map((id) => ({ conceptId: id, note: `same kind as ${answer?.name ?? answerId}${topic && graph.concept(id)?.topic === topic ? ", same topic" : ""}` }));
  },
};
