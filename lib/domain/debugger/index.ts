export { aggregateTraces, type Aggregates, type TraceSummary } from "./aggregate";
export { diagnose } from "./diagnose";
export { makePatches, type PatchDraft, type PatchTarget } from "./patches";
export { buildProbes, type TracedItem } from "./probes";
export { indexStructure, type DebugConcept, type DebugRelation, type DebugStructure } from "./structure";
export * from "./types";
export { writePatchWithModel, PATCH_PROMPT_VERSION } from "./llm-patches";
