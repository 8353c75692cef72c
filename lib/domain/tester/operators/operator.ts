import type { GraphIndex } from "../../knowledge/graph-index";
import type { Operator, TesterChain } from "../types";

/** What an operator sees: the chain, its concepts, and the discipline's indexed structure. */
export type OperatorContext = {
  chain: TesterChain;
  /** every concept on the chain, start and answer included */
  onChain: Set<string>;
  answerId: string;
  graph: GraphIndex;
};

/** A distractor candidate, with why it was chosen ("inverts: X causes Y"). */
export type Candidate = { conceptId: string; note: string };

/** A perturbation operator: distractor candidates for one chain, best first. */
export type DistractorOperator = {
  name: Operator;
  /** one line for the Tester page */
  description: string;
  candidates(ctx: OperatorContext): Candidate[];
};
