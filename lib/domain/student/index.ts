/**
 * The local student: the offline stand-in for a GPU fine-tune, not a language model. It learns
 * the statements of a training set's text (trainStudent), is kept as a JSON artefact
 * (serializeStudent, loadStudent) and answers multiple-choice items from their stem and options
 * by retrieving and chaining those statements (answerItem).
 */
export { answerItem } from "./answer";
export { describeStudent, STUDENT_LABEL, type StudentDescription } from "./describe";
export { loadStudent, MAX_ARTEFACT_STATEMENTS, serializeStudent } from "./serialize";
export { DEFAULT_MAX_STATEMENT_CHARS, DEFAULT_MAX_STATEMENTS, trainStudent } from "./train";
export * from "./types";
