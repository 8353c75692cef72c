import { truncationAlsoRight } from "../../knowledge/chain-rules";
import type { DistractorOperator } from "./operator";

/**
 * TRUNC stops the chain early: an intermediate concept, the one a step before the end first.
 * Only across families of predicates: in "A is a kind of X1, X1 is a kind of X2" stopping at
 * A's nearer class is also a right answer, so it is never offered.
 */
export const trunc: DistractorOperator = {
  name: "TRUNC",
  description: "an intermediate concept of the chain (stopping a step early)",
  candidates({ chain, graph }) {
    const predicates = chain.steps.map((s) => s.predicate);
    const intermediates = chain.steps
      .slice(0, -1)
      .map((s, i) => ({ id: s.objectId, step: i, stepsEarly: chain.steps.length - 1 - i }))
      .filter(({ step }) => !truncationAlsoRight(predicates, step));
    return intermediates.reverse().map(({ id, stepsEarly }) => ({
      conceptId: id,
      note: `stops ${stepsEarly} step${stepsEarly === 1 ? "" : "s"} early at ${graph.concept(id)?.name ?? id}`,
    }));
  },
};
