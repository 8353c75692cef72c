import { invrel } from "./invrel";
import { nearmiss } from "./nearmiss";
import { trunc } from "./trunc";
import type { DistractorOperator } from "./operator";

/** The operators in the order each item asks them for its first distractor. */
export const OPERATOR_REGISTRY: DistractorOperator[] = [invrel, trunc, nearmiss];
export { invrel, nearmiss, trunc };
export type { Candidate, DistractorOperator, OperatorContext } from "./operator";
