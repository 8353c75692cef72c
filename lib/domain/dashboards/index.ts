export { averageRanks, erfc, mcnemar, spearman, type McNemar, type PairedOutcomes } from "./stats";
