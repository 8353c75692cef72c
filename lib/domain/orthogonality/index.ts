export {
  checkOrthogonality,
  createBenchmarkIndex,
  type BenchmarkIndex,
  type GateOptions,
  type GateText,
  type Violation,
} from "./gate";
export { normalizeText } from "./normalize";
export { NGRAM_SIZE, MIN_SHORT_TOKENS, ngramHashes } from "./ngrams";
export { createMinHasher, jaccardEstimate, MERSENNE_PRIME } from "./minhash";
