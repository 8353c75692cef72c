export { buildBenchmark, statsOf, type BenchmarkBuild, type BenchmarkStats } from "./build-benchmark";
export { OPERATOR_REGISTRY } from "./operators";
export { stemOf } from "./stem";
export * from "./types";
