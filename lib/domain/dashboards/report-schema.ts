import { z } from "zod";
import { DIAGNOSES } from "../debugger/types";
import { intervalSchema } from "../evaluation/metrics";

/**
 * The leads' dashboard report, defined once: the route answers it, the page reads its type
 * (WireOf the query), and `proda report --json` prints it.
 */

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);

/** A model's accuracy on a group of items (a discipline, a chain length, all of them). */
export const accuracyCellSchema = z.object({ n: count, correct: count, accuracy: rate, interval: intervalSchema });
export type AccuracyCell = z.infer<typeof accuracyCellSchema>;

export const mcnemarSchema = z.object({
  onlyFirst: count,
  onlySecond: count,
  method: z.enum(["exact", "chi2"]),
  statistic: z.number().nullable(),
  pValue: z.number().min(0).max(1),
});

/**
 * Two versions on the items both answered: the accuracy gain of the second in points, McNemar's
 * test on the discordant items, and those items counted as fixed (wrong → right) and broken
 * (right → wrong).
 */
export const pairSchema = z.object({
  first: z.string(),
  second: z.string(),
  /** items both answered */
  n: count,
  firstCorrect: count,
  secondCorrect: count,
  /** second − first, in percentage points */
  deltaPoints: z.number(),
  /** the 95% interval of that gain, in points (Newcombe's method for paired proportions) */
  interval: z.object({ low: z.number(), high: z.number() }),
  mcnemar: mcnemarSchema,
  fixed: count,
  broken: count,
  /** the result in one sentence a lead reads without a statistics course */
  sentence: z.string(),
});
export type Pair = z.infer<typeof pairSchema>;

export const disciplineRowSchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** active items of the discipline */
  items: count,
  /** by model name */
  models: z.record(z.string(), accuracyCellSchema),
  /** the pair on this discipline's items (null without a pair) */
  pair: z.object({ deltaPoints: z.number(), fixed: count, broken: count }).nullable(),
  /** the best answer-bias baseline on this discipline's items, and chance */
  baseline: z.object({ chance: rate, bestCue: rate, cue: z.string() }),
});

export const lengthRowSchema = z.object({ hops: z.number().int().positive(), items: count, models: z.record(z.string(), accuracyCellSchema) });

/** What wrong answers chose, as a share of all the model's items (its error rate through that operator). */
export const operatorRatesSchema = z.object({ INVREL: rate, TRUNC: rate, NEARMISS: rate, unparseable: rate, counts: z.object({ INVREL: count, TRUNC: count, NEARMISS: count, unparseable: count }) });

export const diagnosisCountsSchema = z.object(Object.fromEntries(DIAGNOSES.map((d) => [d, count])) as Record<(typeof DIAGNOSES)[number], typeof count>);

export const modelDiagnosesSchema = z.object({
  model: z.string(),
  /** the newest debug run of the model's evaluation run, null when it was never traced */
  debugRunId: z.string().nullable(),
  traced: count,
  byDiscipline: z.array(z.object({ slug: z.string(), name: z.string(), counts: diagnosisCountsSchema })),
});

export const answerBiasSchema = z.object({ items: count, chance: rate, longestOption: rate, stemOverlap: rate, mostFrequentOption: rate });

export const flipPatchSchema = z.object({
  id: z.string(),
  targetKind: z.enum(["concept", "relation"]),
  target: z.string(),
  form: z.string(),
  status: z.string(),
  /** the training set it was applied to, when it was */
  appliedTo: z.object({ id: z.string(), name: z.string(), version: z.number().int() }).nullable(),
  /** applied to the newer version's training set, or to an ancestor of it the older one's lacks */
  inLineage: z.boolean(),
  /** item: proposed for this very failure; chain: it teaches a concept or relation on the item's chain */
  via: z.enum(["item", "chain"]),
});
export type FlipPatch = z.infer<typeof flipPatchSchema>;

export const flipSchema = z.object({
  itemId: z.string(),
  position: z.number().int(),
  stem: z.string(),
  discipline: z.string(),
  hops: z.number().int(),
  kind: z.enum(["fixed", "broken"]),
  /** what the wrong side chose: a distractor's operator, or null (no option) */
  wrongChose: z.string().nullable(),
  patches: z.array(flipPatchSchema),
});
export type Flip = z.infer<typeof flipSchema>;

export const scorePointSchema = z.object({ model: z.string(), score: z.number(), accuracy: rate });

export const correlationSchema = z.object({
  /** an external benchmark's name, or "overall" (every model × benchmark pair pooled) */
  benchmark: z.string(),
  n: count,
  rho: z.number().min(-1).max(1).nullable(),
  points: z.array(scorePointSchema.extend({ benchmark: z.string() })),
});

export const externalScoreSchema = z.object({
  id: z.string(),
  model: z.string(),
  benchmark: z.string(),
  score: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type ExternalScore = z.infer<typeof externalScoreSchema>;

export const coreColumnSchema = z.object({
  model: z.string(),
  trainingSet: z.object({ id: z.string(), name: z.string(), version: z.number().int(), instances: count }).nullable(),
  contextualized: rate.nullable(),
  organized: rate.nullable(),
  rigorous: z.boolean().nullable(),
  /** Organized's coverage of the structure, summed over the set's disciplines */
  coverage: z.object({ concepts: count, coveredConcepts: count, relations: count, coveredRelations: count }).nullable(),
  checks: z.array(z.object({ key: z.string(), pass: z.boolean().nullable(), count, label: z.string() })),
  evolving: z.object({ parent: z.string().nullable(), added: count, removed: count, patches: count, note: z.string().nullable() }).nullable(),
});

export const reportModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.string(),
  trainer: z.string(),
  trainingSet: z.object({ id: z.string(), name: z.string(), version: z.number().int() }).nullable(),
  evaluationRunId: z.string(),
  evaluatedAt: z.string(),
  overall: accuracyCellSchema.extend({ unparseable: count }),
  operators: operatorRatesSchema,
});
export type ReportModel = z.infer<typeof reportModelSchema>;

export const dashboardReportSchema = z.object({
  /** frozen benchmarks with how many versions were evaluated on each: the picker's choices */
  benchmarks: z.array(z.object({ id: z.string(), version: z.number().int(), name: z.string(), items: count, evaluated: count })),
  /** the benchmark shown; null when no frozen benchmark has an evaluation yet */
  benchmark: z.object({ id: z.string(), version: z.number().int(), name: z.string(), items: count, frozenAt: z.string().nullable() }).nullable(),
  /** every version evaluated on it, oldest first: the model picker's choices */
  available: z.array(z.object({ name: z.string(), stage: z.string(), accuracy: rate })),
  /** the compared versions, in the order chosen */
  models: z.array(reportModelSchema),
  pair: pairSchema.nullable(),
  byDiscipline: z.array(disciplineRowSchema),
  byLength: z.array(lengthRowSchema),
  /** in benchmark order; past the first 1,000 only counted in `flipsNotListed` (the pair's counts stay exact) */
  flips: z.array(flipSchema),
  flipsNotListed: count,
  diagnoses: z.array(modelDiagnosesSchema),
  answerBias: answerBiasSchema,
  external: z.object({ scores: z.array(externalScoreSchema), correlations: z.array(correlationSchema) }),
  core: z.array(coreColumnSchema),
});
export type DashboardReport = z.infer<typeof dashboardReportSchema>;
