/**
 * The leads' dashboards, pure: comparing model versions on one frozen benchmark (accuracy with
 * Wilson intervals, deltas, McNemar on the pair, flips and the patches behind them), the
 * correlation with external benchmarks, the CSV of external scores, and the report's schema.
 */
export { averageRanks, erfc, mcnemar, spearman, type McNemar, type PairedOutcomes } from "./stats";
export { answerBaselines, compareModels, formatPValue, pairOf, pairSentence, type AnswerBaselines, type ComparedItem, type ComparedModel, type Comparison, type CompareInput, type FlipKind } from "./compare";
export { ancestry, chainRefs, lineageSince, linkPatches, type ChainRefs, type PatchLink } from "./flips";
export { externalCorrelations } from "./correlation";
export { externalBenchmarkSchema, externalScoreValueSchema, parseScoresCsv, SCORES_CSV_HEADER, splitCsvLine, type ScoreLine } from "./scores-csv";
export * from "./report-schema";
