import type { DistractorOperator } from "./operator";

const TAXONOMIC = new Set(["is_a", "example_of"]);

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
    const parents = new Set(graph.outOf(answerId).filter((r) => TAXONOMIC.has(r.predicate)).map((r) => r.objectId));
    // Being the class of something says little of a concept's kind (every class is one), so the
    // role counts only for other predicates ("is produced by", "is located in"), and only in the answer's topic.
    const roles = new Set(graph.into(answerId).map((r) => r.predicate).filter((p) => !TAXONOMIC.has(p)));
    const topic = answer?.topic ?? null;
    const sibling = (id: string) => graph.outOf(id).some((r) => TAXONOMIC.has(r.predicate) && parents.has(r.objectId));
    const sameRole = (id: string) => graph.into(id).some((r) => roles.has(r.predicate));
    const sameTopicClass = (id: string) => !!topic && graph.concept(id)?.topic === topic && graph.into(id).some((r) => TAXONOMIC.has(r.predicate)) === graph.into(answerId).some((r) => TAXONOMIC.has(r.predicate));
    const sameKind = (id: string) => sibling(id) || (graph.concept(id)?.topic === topic && (sameRole(id) || sameTopicClass(id)));
    const close = graph.nearMisses(answerId);
    const ranked = [...new Set([...close, ...(topic ? graph.inTopic(topic) : [])])].filter((id) => id !== answerId && !onChain.has(id) && sameKind(id));
    // Siblings first, then the answer's topic; among equals, a name of about the answer's length
    // first, so that the answer is not the one option that stands out by its length.
    const length = (id: string) => graph.concept(id)?.name.length ?? 0;
    const target = answer?.name.length ?? 0;
    const order = ranked.map((id, rank) => ({ id, rank, key: [sibling(id) ? 0 : 1, topic && graph.concept(id)?.topic === topic ? 0 : 1, Math.abs(length(id) - target) <= Math.max(4, target / 4) ? 0 : 1] }));
    order.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.rank - b.rank);
    return order.map(({ id }) => id).map((id) => ({ conceptId: id, note: `same kind as ${answer?.name ?? answerId}${topic && graph.concept(id)?.topic === topic ? ", same topic" : ""}` }));
  },
};
