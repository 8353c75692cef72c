import type { DashboardReport } from "./report-schema";
import { spearman } from "./stats";

type Score = { model: string; benchmark: string; score: number };
type Correlation = DashboardReport["external"]["correlations"][number];

/**
 * Spearman's ρ between the models' accuracy on this benchmark and their scores on each external
 * benchmark (only models evaluated here count), and overall: every model × benchmark pair pooled,
 * as the paper reports it. Ranks are what is compared, so the scores' scales do not matter within
 * a benchmark; pooled, a benchmark scored on a higher scale ranks its pairs higher.
 */
export function externalCorrelations(scores: readonly Score[], accuracy: ReadonlyMap<string, number>): Correlation[] {
  const points = scores.filter((s) => accuracy.has(s.model)).map((s) => ({ ...s, accuracy: accuracy.get(s.model)! }));
  const names = [...new Set(points.map((p) => p.benchmark))].sort((a, b) => a.localeCompare(b));
  const correlate = (benchmark: string, ps: typeof points): Correlation => {
    const sorted = [...ps].sort((a, b) => a.benchmark.localeCompare(b.benchmark) || a.model.localeCompare(b.model));
    const { rho, n } = spearman(sorted.map((p) => p.score), sorted.map((p) => p.accuracy));
    return { benchmark, n, rho: rho === null ? null : Math.max(-1, Math.min(1, rho)), points: sorted };
  };
  const each = names.map((b) => correlate(b, points.filter((p) => p.benchmark === b)));
  return names.length ? [...each, correlate("overall", points)] : [];
}
