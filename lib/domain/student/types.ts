import type MiniSearch from "minisearch";

/**
 * What the student learns from: the text of a training instance, and nothing else. A Builder
 * instance (`TrainingInstanceDraft`) fits this type, but its links to concepts and relations are
 * never read: a GPU fine-tune sees only the text, and so does its local stand-in.
 */
export type StudentInstance = { readonly prompt: string; readonly completion: string };

/** What the student is asked: a multiple-choice item's stem and its options' text, never its answer, chain or operators. */
export type StudentQuestion = { readonly stem: string; readonly options: readonly string[] };

export type StudentAnswer = {
  /** the index of the chosen option; null only when the student retrieved nothing at all for the item */
  choice: number | null;
  /** one score per option, summing to 1 when anything was retrieved */
  scores: number[];
  /** the learned statements the choice rests on, in the order they were chained */
  evidence: string[];
};

export type AnswerOptions = {
  /** seeds the draw that settles ties and guesses; default 0 */
  seed?: number;
};

export type StudentOptions = {
  /** statements kept at most; the first ones win (the Builder writes coverage first); default 250,000 */
  maxStatements?: number;
  /** characters of one statement at most; longer ones are cut at a word; default 400 */
  maxStatementChars?: number;
};

/** A statement as the index holds it: its position in `statements`, and its text. */
export type StatementDoc = { id: number; text: string };

/**
 * The local student: the learned statements and the search index over them. Not a language
 * model: a retrieval-based multi-hop reader, the offline stand-in for a GPU fine-tune.
 */
export type StudentModel = {
  readonly format: typeof STUDENT_FORMAT;
  readonly version: typeof STUDENT_FORMAT_VERSION;
  readonly statements: readonly string[];
  readonly index: MiniSearch<StatementDoc>;
  /** in how many statements each indexed term occurs */
  readonly frequency: ReadonlyMap<string, number>;
  readonly trainedOn: { instances: number; statements: number; droppedStatements: number };
};

export const STUDENT_FORMAT = "proda-local-student";
/** Bumped whenever the artefact's shape or the reading of the index changes. */
export const STUDENT_FORMAT_VERSION = 1;
