import type { DistractorOperator } from "./operator";

/** TRUNC stops the chain early: an intermediate concept, the one a step before the end first. */
export const trunc: DistractorOperator = {
  name: "TRUNC",
  description: "an intermediate concept of the chain (stopping a step early)",
  candidates({ chain, graph }) {
    const intermediates = chain.steps.slice(0, -1).map((s, i) => ({ id: s.objectId, stepsEarly: chain.steps.length - 1 - i }));
    return intermediates.reverse().map(({ id, stepsEarly }) => ({
      conceptId: id,
      note: `stops ${stepsEarly} step${stepsEarly === 1 ? "" : "s"} early at ${graph.concept(id)?.name ?? id}`,
    }));
  },
};
