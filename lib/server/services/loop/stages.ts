import type { Stage } from "./stage";
import { reportStage } from "./stage-report";
import { buildV2Stage, evaluateBaseStage, patchStage, traceStage } from "./stages-debug";
import { benchmarkStage, extractStage } from "./stages-structure";
import { buildV1Stage, evaluateStage, gatesStage, trainStage } from "./stages-training";

/** The closed loop in order: the structure, test first, V1, its failures traced and patched, V2, the comparison. */
export const STAGES: Stage[] = [
  extractStage,
  benchmarkStage,
  buildV1Stage,
  gatesStage("V1"),
  trainStage("V1"),
  evaluateStage("V1"),
  evaluateBaseStage,
  traceStage,
  patchStage,
  buildV2Stage,
  gatesStage("V2"),
  trainStage("V2"),
  evaluateStage("V2"),
  reportStage,
];
