import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import type { ExtractReport } from "@/lib/server/services/knowledge/extract-knowledge";
import type { BenchmarkBuildReport } from "@/lib/server/services/tester/build-benchmark";
import { documentsVersion, knowledgeVersion } from "./fingerprints";
import { runStageJob, StageFailure } from "./loop-context";
import { plural, type Stage } from "./stage";

/**
 * extract: up to date while no document was added, re-imported with new content or removed since
 * its last run (and the engine is the same). The job itself skips chunks already extracted, so a
 * run after an import extracts only the new chunks.
 */
export const extractStage: Stage = {
  name: "extract",
  async plan(ctx) {
    const documents = await documentsVersion(ctx.db);
    if (documents.documents === 0) throw new StageFailure("extract: there are no documents: `proda import <folder>` first", "NOT_FOUND");
    const { engine, endpoint } = ctx.options;
    return { kind: "versions", fingerprint: { ...documents, engine, endpoint: engine === "llm" ? endpoint : null } };
  },
  async restore(_ctx, stored) {
    return `${plural(Number(stored.fingerprint.documents), "document")} unchanged since their extraction (${stored.ranAt.toISOString()})`;
  },
  async run(ctx) {
    const { engine, endpoint } = ctx.options;
    const job = await runStageJob(ctx, "extract", knowledgeExtractJob, { engine, endpoint: engine === "llm" ? (endpoint ?? undefined) : undefined, label: "proda loop" });
    const report = job.result as ExtractReport;
    // Not recorded as done: the next run extracts them again (the job resumes where it stopped).
    if (report.chunks.failed) throw new StageFailure(`extract: ${plural(report.chunks.failed, "chunk")} could not be extracted (job ${job.runId}); run the loop again to retry them`, "JOB_FAILED", job.runId);
    const { extracted, skipped } = report.chunks;
    return { output: null, jobRunId: job.runId, reason: `extracted ${plural(extracted, "chunk")} (${skipped} done before) with the ${engine} engine: ${report.concepts} concepts, ${report.relations} relations, ${report.chains} chains` };
  },
};

/** benchmark: up to date while a frozen benchmark built by its last run exists and the knowledge has not changed since. */
export const benchmarkStage: Stage = {
  name: "benchmark",
  async plan(ctx) {
    return { kind: "versions", fingerprint: await knowledgeVersion(ctx.db) };
  },
  async restore(ctx, stored) {
    const b = stored.output ? await ctx.db.benchmark.findUnique({ where: { id: stored.output }, select: { id: true, version: true, status: true, itemCount: true } }) : null;
    if (!b || b.status !== "FROZEN") return null;
    ctx.made.benchmark = { id: b.id, version: b.version };
    return `benchmark v${b.version} (frozen, ${plural(b.itemCount, "item")}) is built from the knowledge as it is`;
  },
  async run(ctx) {
    const job = await runStageJob(ctx, "benchmark", benchmarkBuildJob, { freeze: true });
    const report = job.result as BenchmarkBuildReport;
    ctx.made.benchmark = { id: report.benchmarkId, version: report.version };
    const o = report.byOperator;
    return { output: report.benchmarkId, jobRunId: job.runId, reason: `built and froze benchmark v${report.version}: ${plural(report.items, "item")} (distractors INVREL ${o.INVREL}, TRUNC ${o.TRUNC}, NEARMISS ${o.NEARMISS})` };
  },
};
