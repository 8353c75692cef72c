import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { evaluationMetricsSchema } from "@/lib/domain/evaluation";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { pendingRuns, runsById } from "./model-runs";
import { pageQuery } from "./pagination";

const RUN = {
  id: true, runId: true, total: true, answered: true, correct: true, unparseable: true, createdAt: true, finishedAt: true,
  modelVersion: { select: { id: true, name: true, stage: true, trainer: true } },
  benchmark: { select: { id: true, version: true, name: true } },
} as const;

const accuracyOf = (r: { answered: number; correct: number }) => (r.answered ? r.correct / r.answered : 0);

/** Evaluation runs, newest first, with their job's state; launched ones not yet started are pending. */
export async function listEvaluations(db: Db) {
  const rows = await db.evaluationRun.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: RUN });
  const runs = await runsById(db, rows.map((r) => r.runId));
  const pending = (await pendingRuns(db, modelEvaluateJob.name, new Set(rows.flatMap((r) => (r.runId ? [r.runId] : []))))).map((run) => {
    const p = modelEvaluateJob.payload.safeParse(run.payload);
    return { runId: run.id, modelVersionId: p.success ? p.data.modelVersionId : null, benchmarkId: p.success ? p.data.benchmarkId : null, status: run.status, message: run.message, createdAt: run.createdAt };
  });
  const versions = await db.modelVersion.findMany({ where: { id: { in: pending.flatMap((p) => (p.modelVersionId ? [p.modelVersionId] : [])) } }, select: { id: true, name: true } });
  const names = new Map(versions.map((v) => [v.id, v.name]));
  return {
    pending: pending.map((p) => ({ ...p, model: p.modelVersionId ? (names.get(p.modelVersionId) ?? null) : null })),
    items: rows.map((r) => {
      const run = r.runId ? runs.get(r.runId) : undefined;
      return { ...r, accuracy: accuracyOf(r), run: run ? { id: run.id, status: run.status, progress: run.progress, message: run.message, error: run.error } : null };
    }),
  };
}

/** One run with its metrics (once every item is answered) and its job's state. */
export async function evaluationDetail(db: Db, id: string) {
  const row = await db.evaluationRun.findUnique({ where: { id }, select: { ...RUN, metrics: true } });
  if (!row) throw new DomainError("NOT_FOUND", `No evaluation run ${id}`);
  const run = row.runId ? await db.jobRun.findUnique({ where: { id: row.runId }, select: { id: true, status: true, progress: true, message: true, error: true } }) : null;
  const metrics = row.metrics === null ? null : evaluationMetricsSchema.parse(row.metrics);
  const disciplines = await db.discipline.findMany({ where: { slug: { in: Object.keys(metrics?.byDiscipline ?? {}) } }, select: { slug: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  return { ...row, metrics, disciplines, accuracy: accuracyOf(row), run };
}

export const WRONG_CHOICES = ["INVREL", "TRUNC", "NEARMISS", "unparseable"] as const;

export const answerFilters = pageQuery.extend({
  discipline: z.string().optional(),
  correct: z.enum(["true", "false"]).optional(),
  /** what a wrong answer chose: a distractor's operator, or no option at all */
  chose: z.enum(WRONG_CHOICES).optional(),
  length: z.coerce.number().int().min(1).max(10).optional(),
});

/** The run's answers in item order, filtered, by cursor (the position of the last item seen). */
export async function evaluationAnswers(db: Db, evaluationRunId: string, f: z.infer<typeof answerFilters>) {
  const after = f.cursor ? Number(f.cursor) : -1;
  if (!Number.isInteger(after)) throw new DomainError("BAD_INPUT", "cursor must be an item position", [{ field: "cursor", message: "must be a whole number" }]);
  const rows = await db.$queryRaw<{ itemId: string; position: number; stem: string; slug: string; name: string; difficulty: number; correct: boolean; choice: number | null; chosenOperator: string | null; parsedBy: string | null; latencyMs: number }[]>`
    SELECT a."itemId", i.position, i.stem, d.slug, d.name, i.difficulty, a.correct, a.choice, a."chosenOperator", a."parsedBy", a."latencyMs"
    FROM "EvaluationAnswer" a JOIN "BenchmarkItem" i ON i.id = a."itemId" JOIN "Discipline" d ON d.id = i."disciplineId"
    WHERE a."evaluationRunId" = ${evaluationRunId} AND i.position > ${after}
      ${f.discipline ? P.sql`AND d.slug = ${f.discipline}` : P.empty}
      ${f.correct ? P.sql`AND a.correct = ${f.correct === "true"}` : P.empty}
      ${f.chose === "unparseable" ? P.sql`AND a.choice IS NULL` : f.chose ? P.sql`AND a."chosenOperator" = ${f.chose}` : P.empty}
      ${f.length ? P.sql`AND i.difficulty = ${f.length}` : P.empty}
    ORDER BY i.position LIMIT ${f.limit + 1}`;
  const items = rows.slice(0, f.limit).map(({ slug, name, ...r }) => ({ ...r, discipline: { slug, name } }));
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].position) : null };
}

/** One answer as the model gave it (prompt, raw reply, parse) beside the item and the chain it tests. */
export async function answerDetail(db: Db, evaluationRunId: string, itemId: string) {
  const answer = await db.evaluationAnswer.findUnique({
    where: { evaluationRunId_itemId: { evaluationRunId, itemId } },
    select: { prompt: true, raw: true, choice: true, parsedBy: true, correct: true, chosenOperator: true, latencyMs: true, promptTokens: true, completionTokens: true, createdAt: true },
  });
  if (!answer) throw new DomainError("NOT_FOUND", `Item ${itemId} has no answer in evaluation run ${evaluationRunId}`);
  const item = await db.benchmarkItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { id: true, position: true, stem: true, options: true, answerIndex: true, difficulty: true, path: true, status: true, rejectionReason: true, chainId: true, editedAt: true, benchmarkId: true, discipline: { select: { slug: true, name: true } } },
  });
  return { answer, item };
}
