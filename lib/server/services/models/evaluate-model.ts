import { DomainError } from "@/lib/domain/errors";
import { evaluationMetrics, planRun, type AnsweredItem } from "@/lib/domain/evaluation";
import type { ModelAnswer } from "@/lib/domain/ports";
import type { ItemOption } from "@/lib/domain/tester/types";
import type { Prisma } from "@/lib/server/db";
import type { ModelEvaluatePayload } from "@/lib/jobs/model-evaluate";
import type { Progress } from "@/lib/server/services/progress";
import { answererFor } from "./answer-model-for";

export type EvaluationReport = { evaluationRunId: string; model: string; benchmarkId: string; total: number; answered: number; correct: number; unparseable: number; accuracy: number };

type Item = { id: string; stem: string; options: ItemOption[]; answerIndex: number; difficulty: number; discipline: string };
/** Answers of the local student are written in groups; an endpoint's one by one, as they arrive. */
const LOCAL_FLUSH = 200;

/**
 * Asks a model version every active item of a frozen benchmark, `concurrency` at a time, and
 * stores each answer with its prompt, raw reply, choice, chosen operator, latency and tokens.
 * Resumable: a later attempt asks only the items with no stored answer (planRun), so a killed
 * worker loses at most the requests in flight and never asks an answered item again.
 */
export async function evaluateModel(ctx: Progress, payload: ModelEvaluatePayload): Promise<EvaluationReport> {
  const { db } = ctx;
  const model = await db.modelVersion.findUnique({ where: { id: payload.modelVersionId }, select: { id: true, name: true, trainer: true, endpoint: true, remoteModel: true } });
  if (!model) throw new DomainError("NOT_FOUND", `No model version ${payload.modelVersionId}`);
  const benchmark = await db.benchmark.findUnique({ where: { id: payload.benchmarkId }, select: { id: true, status: true, version: true } });
  if (!benchmark) throw new DomainError("NOT_FOUND", `No benchmark ${payload.benchmarkId}`);
  if (benchmark.status !== "FROZEN") throw new DomainError("CONFLICT", `Benchmark v${benchmark.version} is not frozen: freeze it before evaluating on it`);

  const rows = await db.benchmarkItem.findMany({
    where: { benchmarkId: benchmark.id, status: "ACTIVE" },
    orderBy: { position: "asc" },
    select: { id: true, stem: true, options: true, answerIndex: true, difficulty: true, discipline: { select: { slug: true } } },
  });
  const items = new Map<string, Item>(rows.map((r) => [r.id, { ...r, options: r.options as unknown as ItemOption[], discipline: r.discipline.slug }]));
  const run = await db.evaluationRun.upsert({
    where: { runId: ctx.runId },
    create: { runId: ctx.runId, modelVersionId: model.id, benchmarkId: benchmark.id, total: items.size, createdBy: payload.requestedBy ?? null },
    update: { total: items.size },
  });
  const done = await db.evaluationAnswer.findMany({ where: { evaluationRunId: run.id }, select: { itemId: true } });
  const plan = planRun([...items.keys()], done.map((d) => d.itemId));
  if (plan.answered) await ctx.log(`Resuming: ${plan.answered} of ${plan.total} items were answered before; asking the other ${plan.remaining.length}`);
  const answerer = await answererFor(ctx, model);

  let answered = plan.answered;
  let pending: Prisma.EvaluationAnswerCreateManyInput[] = [];
  // Writes run beside the requests: the next item is asked while an answer commits, so the
  // endpoint is kept busy (bench/evaluation-throughput.ts). Every write is awaited before the
  // run ends or fails.
  const writes = new Set<Promise<unknown>>();
  let writeFailure: unknown = null;
  const flush = () => {
    const rowsNow = pending;
    pending = [];
    if (!rowsNow.length) return;
    const write = db.evaluationAnswer.createMany({ data: rowsNow, skipDuplicates: true }).catch((e: unknown) => void (writeFailure ??= e));
    writes.add(write);
    void write.finally(() => writes.delete(write));
  };
  const record = async (item: Item, a: ModelAnswer) => {
    if (writeFailure) throw writeFailure;
    pending.push(answerRow(run.id, item, a));
    answered++;
    if (!answerer.local || pending.length >= LOCAL_FLUSH) flush();
    await ctx.progress(answered / Math.max(1, plan.total), `${answered} of ${plan.total} items answered by ${model.name}`);
  };
  try {
    await pool(plan.remaining, answerer.concurrency, async (id) => {
      await ctx.throwIfCancelled();
      const item = items.get(id)!;
      // The model's settings carry the run's signal: a cancel ends the request in flight.
      await record(item, await answerer.model.answer({ stem: item.stem, options: item.options.map((o) => o.text) }));
    });
  } finally {
    flush();
    await Promise.all([...writes]);
  }
  if (writeFailure) throw writeFailure;
  return summarise(ctx, run.id, model.name, benchmark.id, items);
}

function answerRow(evaluationRunId: string, item: Item, a: ModelAnswer): Prisma.EvaluationAnswerCreateManyInput {
  const wrong = a.choice !== null && a.choice !== item.answerIndex;
  const chosen = wrong ? item.options[a.choice!]?.operator : undefined;
  return {
    evaluationRunId,
    itemId: item.id,
    prompt: a.prompt,
    raw: a.raw,
    choice: a.choice,
    parsedBy: a.parsedBy,
    correct: a.choice === item.answerIndex,
    chosenOperator: chosen && chosen !== "ANSWER" ? chosen : null,
    latencyMs: Math.round(a.latencyMs),
    promptTokens: a.promptTokens,
    completionTokens: a.completionTokens,
  };
}

/**
 * Runs `work` over `ids` with at most `limit` at once, each worker taking the next id as soon as
 * it is free (a slow request does not hold a batch back). The first failure stops new work; the
 * requests in flight end before it is thrown, so nothing is written after the handler returns.
 */
async function pool(ids: string[], limit: number, work: (id: string) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < ids.length) {
      const id = ids[next++];
      try {
        await work(id);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, ids.length)) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}

/** The run's counts and metrics from every stored answer. */
async function summarise(ctx: Progress, runId: string, modelName: string, benchmarkId: string, items: Map<string, Item>): Promise<EvaluationReport> {
  const answers = await ctx.db.evaluationAnswer.findMany({ where: { evaluationRunId: runId }, select: { itemId: true, choice: true } });
  const answeredItems: AnsweredItem[] = answers.flatMap((a) => {
    const item = items.get(a.itemId);
    return item ? [{ discipline: item.discipline, hops: item.difficulty, answerIndex: item.answerIndex, choice: a.choice, operators: item.options.map((o) => o.operator) }] : [];
  });
  const metrics = evaluationMetrics(answeredItems);
  await ctx.db.evaluationRun.update({
    where: { id: runId },
    data: { answered: metrics.n, correct: metrics.correct, unparseable: metrics.unparseable, metrics: metrics as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
  });
  await ctx.progress(1, `${modelName}: ${(metrics.accuracy * 100).toFixed(1)}% of ${metrics.n} items`);
  return { evaluationRunId: runId, model: modelName, benchmarkId, total: items.size, answered: metrics.n, correct: metrics.correct, unparseable: metrics.unparseable, accuracy: metrics.accuracy };
}
