export { coreReport, type CoreInputs, type CoreReport } from "./core-report";
export { synthesize, type Synthesis } from "./synthesize";
export * from "./types";
