export {
  checkOrthogonality,
  createBenchmarkIndex,
  type BenchmarkIndex,
  type GateInstance,
  type GateItem,
  type GateOptions,
  type GateText,
} from "./gate";
export { VIOLATION_KINDS, describeViolation, type Violation, type ViolationKind } from "./kinds";
export { createStructureIndex, type StructuralInstance, type StructuralItem, type StructureIndex } from "./structure";
export { normalizeSentences, normalizeText, type SentenceTokens } from "./normalize";
export { NGRAM_SIZE, MIN_SHORT_TOKENS, ngramHashes } from "./ngrams";
export { createMinHasher, jaccardEstimate, MERSENNE_PRIME } from "./minhash";
