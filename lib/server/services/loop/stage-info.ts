import type { StageName } from "./loop-report";

/** The parts of the loop the Pipeline page draws as rows, in order. */
export const STAGE_GROUPS = ["structure", "V1", "debug", "V2"] as const;
export type StageGroup = (typeof STAGE_GROUPS)[number];

export const GROUP_TITLES: Record<StageGroup, string> = {
  structure: "Structure and tests",
  V1: "V1",
  debug: "Debug",
  V2: "V2 and the report",
};

/** How people call each stage, and the part of the loop it belongs to. Browser-safe: no server imports. */
export const STAGE_INFO: Record<StageName, { title: string; group: StageGroup }> = {
  extract: { title: "Extract the structure", group: "structure" },
  benchmark: { title: "Benchmark (frozen)", group: "structure" },
  "build-v1": { title: "Build V1 data", group: "V1" },
  "gates-v1": { title: "Gates on V1 data", group: "V1" },
  "train-v1": { title: "Train V1", group: "V1" },
  "evaluate-v1": { title: "Evaluate V1", group: "V1" },
  "evaluate-base": { title: "Evaluate base models", group: "V1" },
  trace: { title: "Trace V1's failures", group: "debug" },
  patch: { title: "Review patches", group: "debug" },
  "build-v2": { title: "Build V2 data", group: "V2" },
  "gates-v2": { title: "Gates on V2 data", group: "V2" },
  "train-v2": { title: "Train V2", group: "V2" },
  "evaluate-v2": { title: "Evaluate V2", group: "V2" },
  report: { title: "Compare V1 and V2", group: "V2" },
};
