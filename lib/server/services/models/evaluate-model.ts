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
/** Answers of the local student are written in groups; an endpoint's as they arrive. */
const LOCAL_FLUSH = 200;
/**
 * Items an endpoint's evaluation holds beyond the endpoint's concurrency: their request is ready
 * and waits at the endpoint's limit. With none, the endpoint would wait for every answer's write
 * (80–82% of a loopback endpoint's capacity at 50 ms instead of 90–93%, bench/RESULTS.md). At
 * most `concurrency + READY_AHEAD` items are asked and not yet stored at any time: all that a
 * killed worker can lose, and ask again on resume.
 */
export const READY_AHEAD = 1;

/** Models are evaluated on frozen benchmarks only: checked when an evaluation is launched and when its job runs. */
export function assertFrozen(benchmark: { status: string; version: number }) {
  if (benchmark.status !== "FROZEN") throw new DomainError("CONFLICT", `Benchmark v${benchmark.version} is not frozen: freeze it before evaluating on it`);
}

/**
 * Asks a model version every active item of a frozen benchmark, `concurrency` at a time, and
 * stores each answer with its prompt, raw reply, choice, chosen operator, latency and tokens.
 * Resumable: a later attempt asks only the items with no stored answer (planRun), so a killed
 * worker loses at most the items it held (requests in flight, answers not yet stored: see
 * READY_AHEAD) and never asks an item whose answer was stored again.
 */
export async function evaluateModel(ctx: Progress, payload: ModelEvaluatePayload): Promise<EvaluationReport> {
  const { db } = ctx;
  const model = await db.modelVersion.findUnique({ where: { id: payload.modelVersionId }, select: { id: true, name: true, trainer: true, endpoint: true, remoteModel: true } });
  if (!model) throw new DomainError("NOT_FOUND", `No model version ${payload.modelVersionId}`);
  const benchmark = await db.benchmark.findUnique({ where: { id: payload.benchmarkId }, select: { id: true, status: true, version: true } });
  if (!benchmark) throw new DomainError("NOT_FOUND", `No benchmark ${payload.benchmarkId}`);
  assertFrozen(benchmark);

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
  // An answer counts once it is stored: the progress never shows one a crash could still lose.
  const stored = async (n: number) => {
    answered += n;
    await ctx.progress(answered / Math.max(1, plan.total), `${answered} of ${plan.total} items answered by ${model.name}`);
  };
  const ask = (item: Item) => answerer.model.answer({ stem: item.stem, options: item.options.map((o) => o.text) });
  const write = (rows: Prisma.EvaluationAnswerCreateManyInput[]) => db.evaluationAnswer.createMany({ data: rows, skipDuplicates: true });

  if (answerer.local) {
    // The local student's answers cost nothing to ask again: written in groups.
    let pending: Prisma.EvaluationAnswerCreateManyInput[] = [];
    const flush = async () => {
      const rowsNow = pending;
      pending = [];
      if (!rowsNow.length) return;
      await write(rowsNow);
      await stored(rowsNow.length);
    };
    await pool(plan.remaining, answerer.concurrency, async (id) => {
      await ctx.throwIfCancelled();
      const item = items.get(id)!;
      pending.push(answerRow(run.id, item, await ask(item)));
      if (pending.length >= LOCAL_FLUSH) await flush();
    });
    await flush();
  } else {
    // Each item is held from its request until its answer is stored, so a killed worker loses at
    // most the items held: the endpoint's concurrency, plus the READY_AHEAD items whose request
    // waits at the endpoint's limit and goes out as soon as an answer comes back, while that
    // answer is written (so storing an answer does not leave the endpoint a request short). Answers
    // that come back while a write runs are stored together by the next one.
    const store = groupCommit(write);
    await pool(plan.remaining, answerer.concurrency + READY_AHEAD, async (id) => {
      await ctx.throwIfCancelled();
      const item = items.get(id)!;
      // The model's settings carry the run's signal: a cancel ends the request in flight.
      await store(answerRow(run.id, item, await ask(item)));
      await stored(1);
    });
  }
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

/**
 * Stores rows as they come, one write at a time: the rows that arrive while a write runs go
 * together in the next. Each caller's promise settles once its own row is committed, or with its
 * write's error.
 */
function groupCommit<R>(write: (rows: R[]) => Promise<unknown>): (row: R) => Promise<void> {
  let queue: { row: R; settle: (error?: { error: unknown }) => void }[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    while (queue.length) {
      const batch = queue;
      queue = [];
      let failed: { error: unknown } | undefined;
      try {
        await write(batch.map((b) => b.row));
      } catch (error) {
        failed = { error };
      }
      for (const b of batch) b.settle(failed);
    }
    writing = false;
  };
  return (row) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ row, settle: (failed) => (failed ? reject(failed.error) : resolve()) });
      if (!writing) void drain();
    });
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
