import type { OrthogonalityCheckPayload } from "@/lib/jobs/orthogonality-check";
import { checkOrthogonality } from "@/lib/server/services/builder/check-orthogonality";
import type { JobHandler } from "@/workers/runtime/job-context";

export const orthogonalityCheckHandler: JobHandler<OrthogonalityCheckPayload> = async (ctx, payload) => {
  const report = await checkOrthogonality(ctx.db, payload.trainingSetId, payload.benchmarkIds, { runId: ctx.runId, progress: ctx.progress, throwIfCancelled: ctx.throwIfCancelled });
  await ctx.log(report.passed ? `Passed: ${report.checked} instances, no overlap with ${report.items} items` : `Failed: ${report.violations} overlapping pairs`, report.passed ? "info" : "warn");
  return report;
};
