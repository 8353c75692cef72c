/**
 * Evaluating a model on a benchmark: the prompt it is asked with, how its reply is read, what is
 * still to ask when a run resumes, and the metrics (accuracy with Wilson intervals per discipline
 * and chain length, and which operator's distractor each wrong answer chose).
 */
export { formatQuestion, letterOf, mcPrompt, OPTION_LETTERS, promptRecord, type McPrompt } from "./prompt";
export { capRaw, choiceFromLogprobs, letterToken, MAX_RAW_ANSWER_CHARS, parseAnswer, type ParsedAnswer, type TokenLogprob } from "./parse-answer";
export {
  accuracyGroupSchema,
  evaluationMetrics,
  evaluationMetricsSchema,
  intervalSchema,
  wilsonInterval,
  wrongChoiceSchema,
  type AccuracyGroup,
  type AnsweredItem,
  type EvaluationMetrics,
  type Interval,
} from "./metrics";
export { DEFAULT_EVALUATION_BATCH, planRun, type RunPlan } from "./run-plan";
export { pairedDifferenceInterval, type Difference, type PairedCounts } from "./difference";
