import type { Predicate } from "../knowledge/types";

/** `topic`: where the concept was found (its document), so near misses come from the same topic. */
export type TesterConcept = { id: string; name: string; aliases?: string[]; topic?: string | null; definition?: string | null };
/** `evidence`: the sentence it was read from; chains whose steps all come from one sentence are not tested. */
export type TesterRelation = { id: string; subjectId: string; predicate: string; objectId: string; evidence?: string };
/** An L3 chain: its relations in order, the object of one the subject of the next. */
export type TesterChain = { id: string; steps: TesterRelation[] };

/** One discipline's structure as the Tester reads it. */
export type TesterInput = {
  discipline: string;
  concepts: TesterConcept[];
  relations: TesterRelation[];
  chains: TesterChain[];
  vocabulary: Predicate[];
};

export const OPERATORS = ["INVREL", "TRUNC", "NEARMISS"] as const;
export type Operator = (typeof OPERATORS)[number];
export type OptionOperator = "ANSWER" | Operator;

export type ItemOption = { text: string; conceptId: string; operator: OptionOperator; note?: string };
/**
 * One step of an item's chain as it was when the item was made. The ids (absent on items made
 * before they were recorded) let the orthogonality gate match training instances by what they teach.
 */
export type PathStep = { subject: string; predicate: string; object: string; relationId?: string; subjectId?: string; objectId?: string };

export type BenchmarkItemDraft = {
  chainId: string;
  discipline: string;
  stem: string;
  options: ItemOption[];
  answerIndex: number;
  /** the chain's length */
  difficulty: number;
  path: PathStep[];
};

export type SkippedChain = { chainId: string; discipline: string; reason: string };

/** An item the automatic checks refused, kept with the reason so people can see (and overrule) it. */
export type RejectedItem = BenchmarkItemDraft & { reason: string };

export type TesterOptions = {
  seed: number;
  /** options per item, the answer included (4: one distractor per operator) */
  options?: number;
};
