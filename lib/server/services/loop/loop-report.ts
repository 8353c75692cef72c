import { z } from "zod";
import { DIAGNOSES } from "@/lib/domain/debugger/types";

/** The loop's stages in the order they run: V1 from the structure (test first), then V2 from its failures. */
export const LOOP_STAGES = [
  "extract",
  "benchmark",
  "build-v1",
  "gates-v1",
  "train-v1",
  "evaluate-v1",
  "evaluate-base",
  "trace",
  "patch",
  "build-v2",
  "gates-v2",
  "train-v2",
  "evaluate-v2",
  "report",
] as const;
export type StageName = (typeof LOOP_STAGES)[number];

/**
 * What a stage did: `ran`; `up to date` (its inputs did not change since it last ran, or there is
 * nothing for it to do); `waiting for review` (patches await annotators); `failed`; `not run`
 * (an earlier stage failed or waits).
 */
export const STAGE_STATUSES = ["ran", "up to date", "waiting for review", "failed", "not run"] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const stageResultSchema = z.strictObject({ stage: z.enum(LOOP_STAGES), status: z.enum(STAGE_STATUSES), reason: z.string() });
export type StageResult = z.infer<typeof stageResultSchema>;

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);
const modelFigures = z.strictObject({ accuracy: rate, byDiscipline: z.record(z.string(), rate) });
const gateFigures = z.strictObject({ violations: count });
const signedRate = z.number().min(-1).max(1);

/** V2 − V1 on the items both answered, with the 95% interval of the paired difference (Newcombe). */
export const loopGainSchema = z.strictObject({
  items: count,
  V1: rate,
  V2: rate,
  difference: signedRate,
  interval: z.strictObject({ low: signedRate, high: signedRate, level: z.literal(0.95) }),
  fixed: count,
  broken: count,
});
export type LoopGain = z.infer<typeof loopGainSchema>;

/**
 * `proda loop --json`: the figures of the loop as it stands (null where a stage has not made its
 * part yet: V2 before the patches are reviewed, or when no patch was approved) and what each stage did.
 */
export const loopReportSchema = z.strictObject({
  knowledge: z.strictObject({ concepts: count, relations: count, chains: count, reachability: rate }),
  benchmark: z.strictObject({ id: z.string(), items: count, byOperator: z.strictObject({ INVREL: count, TRUNC: count, NEARMISS: count }) }).nullable(),
  trainingSets: z.strictObject({
    V1: z.strictObject({ id: z.string(), instances: count }).nullable(),
    V2: z.strictObject({ id: z.string(), instances: count, patches: count }).nullable(),
  }),
  orthogonality: z.strictObject({ V1: gateFigures.nullable(), V2: gateFigures.nullable() }),
  models: z.strictObject({ V1: modelFigures.nullable(), V2: modelFigures.nullable() }),
  gain: loopGainSchema.nullable(),
  failures: z.strictObject({ V1: count, traced: count, byDiagnosis: z.record(z.enum(DIAGNOSES), count) }).nullable(),
  stages: z.array(stageResultSchema),
});
export type LoopReport = z.infer<typeof loopReportSchema>;
export type LoopFigures = Omit<LoopReport, "stages">;

/**
 * The options of `proda loop`, of a `loop-run` job and of `POST /api/loop-runs`; what is not given
 * is taken from the loop's previous run, else the default. `from` runs that stage even if it is up
 * to date (the stages before it run only if stale, those after it follow their fingerprints).
 */
export const loopOptionsSchema = z.strictObject({
  engine: z.enum(["local", "llm"]).optional(),
  trainer: z.enum(["local", "openai", "together"]).optional(),
  endpoint: z.string().trim().min(1).max(120).optional(),
  budget: z.number().int().positive().max(1_000_000).optional(),
  autoApprove: z.boolean().optional(),
  from: z.enum(LOOP_STAGES, { error: (i) => `must be one of the stages ${LOOP_STAGES.join(", ")}${i.input === undefined ? "" : `, not ${JSON.stringify(i.input)}`}` }).optional(),
});
export type LoopOptions = z.infer<typeof loopOptionsSchema>;

/** V1 is small on purpose (instances per discipline): its blind spots are what the Debugger finds and V2 repairs. */
export const DEFAULT_LOOP_BUDGET = 25;
