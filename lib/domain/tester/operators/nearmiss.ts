import type { DistractorOperator } from "./operator";

/** NEARMISS: a concept of the same discipline close to the answer (in name, type or role), off the chain. */
export const nearmiss: DistractorOperator = {
  name: "NEARMISS",
  description: "a concept close to the answer in name, type or role, but not on the chain",
  candidates({ answerId, onChain, graph }) {
    const answer = graph.concept(answerId)?.name ?? answerId;
    return graph
      .nearMisses(answerId)
      .filter((id) => !onChain.has(id))
      .map((id) => ({ conceptId: id, note: `close to ${answer}` }));
  },
};
