import type { ChatModel } from "@/lib/domain/ports";
import { buildBenchmark, statsOf, type BenchmarkItemDraft, type BenchmarkStats, type RejectedItem, type SkippedChain, type TesterInput } from "@/lib/domain/tester";
import { REWORD_PROMPT_VERSION, rewordStem } from "@/lib/domain/tester/reword";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BenchmarkBuildPayload } from "@/lib/jobs/benchmark-build";
import type { Db } from "@/lib/server/db";
import { loadChains, selectDisciplines, statusesFor } from "@/lib/server/queries/structure";
import { nothingToTest } from "./something-to-test";
import { vocabularyOf } from "@/lib/server/services/knowledge/vocabulary";
import { mapWithModel } from "@/lib/server/services/model-for";
import { verifyItems, type VerificationReport } from "./verify-items";
import type { Progress } from "@/lib/server/services/progress";

const WRITE_BATCH = 1000;
const KEPT_SKIPS = 2000;
export const DEFAULT_BENCHMARK_SEED = 20260101;

export type BenchmarkBuildReport = {
  benchmarkId: string;
  version: number;
  items: number;
  byDiscipline: Record<string, number>;
  byOperator: { INVREL: number; TRUNC: number; NEARMISS: number };
  byLength: Record<string, number>;
  skipped: Record<string, number>;
  /** items the automatic checks refused, by reason (kept in the benchmark as rejected, with the reason) */
  rejected: Record<string, number>;
  /** accuracy of surface-cue guessing on the kept items (near chance: the cues give nothing away) */
  answerBias: BenchmarkStats["answerBias"];
  /** disciplines selected that have no chain to test */
  withoutChains: string[];
  frozen: boolean;
  /** the optional LLM rewording of the stems, or null when the templates were kept */
  reworded: { endpoint: string; model: string; promptVersion: string; reworded: number; kept: number; failed: number } | null;
  /** the optional LLM verification of the items, or null when it did not run */
  verified?: VerificationReport | null;
};

/** An empty benchmark tests nothing: it is refused with the reason, never written as a version. */
/**
 * Builds a benchmark version from the chains of the selected disciplines (the Tester engine),
 * then writes it with its items in one transaction tied to the run, so a retried job either
 * finds its benchmark or writes it whole.
 */
export async function buildBenchmarkVersion(ctx: Progress, payload: BenchmarkBuildPayload, model?: ChatModel): Promise<BenchmarkBuildReport> {
  const { db } = ctx;
  const existing = await db.benchmark.findUnique({ where: { runId: ctx.runId } });
  if (existing) return existing.report as BenchmarkBuildReport;
  const seed = payload.seed ?? DEFAULT_BENCHMARK_SEED;
  const disciplines = await selectDisciplines(db, payload.disciplines);
  let items: (BenchmarkItemDraft & { disciplineId: string })[] = [];
  const rejected: (RejectedItem & { disciplineId: string })[] = [];
  const skipped: SkippedChain[] = [];
  const withoutChains: { slug: string; name: string }[] = [];
  for (const [i, d] of disciplines.entries()) {
    await ctx.throwIfCancelled();
    await ctx.progress(i / (disciplines.length + 1), `Testing ${d.name}`);
    const input = await testerInput(db, d, payload.approvedOnly ?? false);
    if (input.chains.length === 0) withoutChains.push(d);
    const built = buildBenchmark([input], { seed });
    items.push(...built.items.map((item) => ({ ...item, disciplineId: d.id })));
    rejected.push(...built.rejected.map((item) => ({ ...item, disciplineId: d.id })));
    skipped.push(...built.skipped);
  }
  if (withoutChains.length) await ctx.log(`No chains to test in ${withoutChains.map((d) => d.name).join(", ")}`, "warn");
  if (items.length === 0) throw nothingToTest(payload, disciplines, rejected.length);
  let reworded: BenchmarkBuildReport["reworded"] = null;
  if (model && payload.reword) {
    // The optional natural rewording: one call per item; a rewording that leaks an option is not used.
    let changed = 0;
    const result = await mapWithModel(items, async (item) => {
      const r = await rewordStem(model, item);
      if (r.reworded) changed++;
      return { ...item, stem: r.stem };
    }, (done) => ctx.progress((disciplines.length * done) / (items.length * (disciplines.length + 1)), `Rewording ${done} of ${items.length} stems with ${model.endpoint}`));
    items = result.items;
    reworded = { endpoint: model.endpoint, model: model.model, promptVersion: REWORD_PROMPT_VERSION, reworded: changed, kept: items.length - changed, failed: result.failed };
    await ctx.log(`Reworded ${changed} of ${items.length} stems (${result.failed} invalid answers kept their template)`);
  }
  let verified: VerificationReport | null = null;
  if (model && (payload.verify || payload.reword)) {
    // After rewording, so that what is verified is the question as it will be asked: a reworded
    // stem must still have one right answer.
    const result = await verifyItems(db, model, items, (done) => ctx.progress((disciplines.length * done) / (items.length * (disciplines.length + 1)), `Verifying ${done} of ${items.length} items with ${model.endpoint}`));
    items = result.kept;
    rejected.push(...result.rejected);
    verified = result.report;
    await ctx.log(`Verification: ${verified.passed} items passed, ${verified.rejected} rejected, ${verified.failed} could not be checked (invalid answers)`);
  }
  const stats = statsOf(items, skipped, rejected);
  await ctx.progress(disciplines.length / (disciplines.length + 1), `Writing ${items.length} items`);
  return db.$transaction(
    async (tx) => {
      const version = ((await tx.benchmark.aggregate({ _max: { version: true } }))._max.version ?? 0) + 1;
      const report = { version, items: items.length, byDiscipline: stats.byDiscipline, byOperator: stats.byOperator, byLength: stats.byLength, skipped: stats.skipped, rejected: stats.rejected, answerBias: stats.answerBias, withoutChains: withoutChains.map((d) => d.slug), frozen: !!payload.freeze, reworded, verified };
      const benchmark = await tx.benchmark.create({
        data: {
          version,
          name: payload.name ?? `Benchmark v${version}`,
          seed,
          approvedOnly: payload.approvedOnly ?? false,
          disciplines: payload.disciplines ?? [],
          itemCount: items.length,
          runId: ctx.runId,
          createdBy: payload.requestedBy ?? null,
          status: payload.freeze ? "FROZEN" : "DRAFT",
          frozenAt: payload.freeze ? new Date() : null,
          frozenBy: payload.freeze ? (payload.requestedBy ?? null) : null,
          report: { ...report, skippedChains: skipped.slice(0, KEPT_SKIPS) } as Prisma.InputJsonValue,
        },
      });
      // The kept items first, then the refused ones (rejected, with the reason, for people to see).
      const rows = [...items.map((item) => ({ item, reason: null })), ...rejected.map((item) => ({ item, reason: item.reason }))];
      for (let at = 0; at < rows.length; at += WRITE_BATCH) {
        await tx.benchmarkItem.createMany({
          data: rows.slice(at, at + WRITE_BATCH).map(({ item, reason }, j) => ({
            benchmarkId: benchmark.id,
            disciplineId: item.disciplineId,
            chainId: item.chainId,
            position: at + j,
            stem: item.stem,
            options: item.options as Prisma.InputJsonValue,
            answerIndex: item.answerIndex,
            difficulty: item.difficulty,
            path: item.path as Prisma.InputJsonValue,
            status: reason ? "REJECTED" : "ACTIVE",
            rejectionReason: reason,
          })),
        });
      }
      return { benchmarkId: benchmark.id, ...report };
    },
    { timeout: 10 * 60_000 },
  );
}

/**
 * One discipline as the Tester reads it; a chain whose relation is not loaded keeps a gap the engine
 * skips. In id order: the seeded engine makes the same items only from the same input order.
 */
async function testerInput(db: Db, d: { id: string; slug: string }, approvedOnly: boolean): Promise<TesterInput> {
  const status = { in: [...statusesFor({ approvedOnly })] };
  const [concepts, relations, chains, vocabulary] = await Promise.all([
    db.concept.findMany({ where: { disciplineId: d.id, status }, select: { id: true, name: true, aliases: true, definition: true, chunk: { select: { documentId: true } } }, orderBy: { id: "asc" } }),
    db.relation.findMany({ where: { disciplineId: d.id, status }, select: { id: true, subjectId: true, predicate: true, objectId: true, evidence: true }, orderBy: { id: "asc" } }),
    loadChains(db, d.id, { approvedOnly }),
    vocabularyOf(db, d.id),
  ]);
  const byId = new Map(relations.map((r) => [r.id, r]));
  return {
    discipline: d.slug,
    concepts: concepts.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, definition: c.definition, topic: c.chunk?.documentId ?? null })),
    relations,
    chains: chains.map((c) => ({
      id: c.id,
      // A missing step (a rejected relation) becomes a self-loop that never links: skipped as not reachable.
      steps: c.relationIds.map((id) => byId.get(id) ?? { id, subjectId: `missing:${id}`, predicate: "missing", objectId: `missing:${id}` }),
    })),
    vocabulary,
  };
}
