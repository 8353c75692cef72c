import { z } from "zod";
import { DIAGNOSES, patchContentSchema, traceProbesSchema, type Aggregates } from "@/lib/domain/debugger";
import { DomainError } from "@/lib/domain/errors";
import type { ItemOption, PathStep } from "@/lib/domain/tester";
import { modelDebugJob } from "@/lib/jobs/model-debug";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { pendingRuns, runsById } from "./model-runs";
import { pageQuery } from "./pagination";

const RUN = {
  id: true, runId: true, total: true, traced: true, createdAt: true, finishedAt: true, aggregates: true,
  evaluationRun: { select: { id: true, correct: true, answered: true, modelVersion: { select: { id: true, name: true, stage: true } }, benchmark: { select: { id: true, version: true } } } },
} as const;

/** Debug runs, newest first, with their job's state and patch counts; launched ones not started are pending. */
export async function listDebugRuns(db: Db) {
  const rows = await db.debugRun.findMany({ orderBy: { createdAt: "desc" }, take: 100, select: RUN });
  const runs = await runsById(db, rows.map((r) => r.runId));
  const counts = await db.patch.groupBy({ by: ["debugRunId", "status"], where: { debugRunId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  const pending = (await pendingRuns(db, modelDebugJob.name, new Set(rows.flatMap((r) => (r.runId ? [r.runId] : []))))).map((run) => ({ runId: run.id, status: run.status, message: run.message }));
  return {
    pending,
    items: rows.map(({ aggregates, ...r }) => {
      const run = r.runId ? runs.get(r.runId) : undefined;
      const patches = Object.fromEntries(counts.filter((c) => c.debugRunId === r.id).map((c) => [c.status, c._count._all])) as Partial<Record<"PROPOSED" | "APPROVED" | "REJECTED" | "APPLIED", number>>;
      return { ...r, byDiagnosis: (aggregates as Aggregates | null)?.byDiagnosis ?? null, patches, run: run ? { id: run.id, status: run.status, progress: run.progress, message: run.message, error: run.error } : null };
    }),
  };
}

/** One debug run: its aggregates with the names of the concepts and relations behind most failures, and its disciplines. */
export async function debugRunDetail(db: Db, id: string) {
  const row = await db.debugRun.findUnique({ where: { id }, select: RUN });
  if (!row) throw new DomainError("NOT_FOUND", `No debug run ${id}`);
  const aggregates = row.aggregates as Aggregates | null;
  const [concepts, relations, disciplines, reviewed] = await Promise.all([
    db.concept.findMany({ where: { id: { in: aggregates?.concepts.map((c) => c.id) ?? [] } }, select: { id: true, name: true } }),
    db.relation.findMany({ where: { id: { in: aggregates?.relations.map((r) => r.id) ?? [] } }, select: { id: true, predicate: true, subject: { select: { name: true } }, object: { select: { name: true } } } }),
    db.$queryRaw<{ slug: string; name: string; n: number }[]>`
      SELECT d.slug, d.name, count(*)::int AS n FROM "FailureTrace" t JOIN "Discipline" d ON d.id = t."disciplineId"
      WHERE t."debugRunId" = ${id} GROUP BY d.slug, d.name, d."sortOrder" ORDER BY d."sortOrder", d.name`,
    db.failureTrace.count({ where: { debugRunId: id, reviewed: true } }),
  ]);
  const conceptName = new Map(concepts.map((c) => [c.id, c.name]));
  const relationLabel = new Map(relations.map((r) => [r.id, `${r.subject.name} ${r.predicate.replace(/_/g, " ")} ${r.object.name}`]));
  const { aggregates: _, ...rest } = row;
  return {
    ...rest,
    reviewed,
    disciplines,
    aggregates: aggregates && {
      ...aggregates,
      concepts: aggregates.concepts.map((c) => ({ ...c, name: conceptName.get(c.id) ?? "(deleted)" })),
      relations: aggregates.relations.map((r) => ({ ...r, label: relationLabel.get(r.id) ?? "(deleted)" })),
    },
  };
}

export const traceFilters = pageQuery.extend({
  discipline: z.string().optional(),
  diagnosis: z.enum(DIAGNOSES).optional(),
  chose: z.enum(["INVREL", "TRUNC", "NEARMISS"]).optional(),
  reviewed: z.enum(["true", "false"]).optional(),
  /** "me", "none", or a user id */
  assignee: z.string().min(1).max(100).optional(),
});

/** A debug run's failures in item order, filtered, by cursor (the position of the last item seen). */
export async function listTraces(db: Db, debugRunId: string, f: z.infer<typeof traceFilters>, me: string | null = null) {
  const assignee = f.assignee === "me" ? me : f.assignee;
  const after = f.cursor ? Number(f.cursor) : -1;
  if (!Number.isInteger(after)) throw new DomainError("BAD_INPUT", "cursor must be an item position", { fields: [{ field: "cursor", message: "must be a whole number" }] });
  const rows = await db.$queryRaw<{ id: string; itemId: string; position: number; stem: string; slug: string; name: string; diagnosis: string; step: number | null; chosenOperator: string | null; reviewed: boolean; assigneeId: string | null; assigneeName: string | null }[]>`
    SELECT t.id, t."itemId", i.position, i.stem, d.slug, d.name, t.diagnosis::text AS diagnosis, t.step, t."chosenOperator", t.reviewed, t."assigneeId", u.name AS "assigneeName"
    FROM "FailureTrace" t JOIN "BenchmarkItem" i ON i.id = t."itemId" JOIN "Discipline" d ON d.id = t."disciplineId" LEFT JOIN "user" u ON u.id = t."assigneeId"
    WHERE t."debugRunId" = ${debugRunId} AND i.position > ${after}
      ${f.discipline ? P.sql`AND d.slug = ${f.discipline}` : P.empty}
      ${f.diagnosis ? P.sql`AND t.diagnosis = ${f.diagnosis}::"Diagnosis"` : P.empty}
      ${f.chose ? P.sql`AND t."chosenOperator" = ${f.chose}` : P.empty}
      ${f.reviewed ? P.sql`AND t.reviewed = ${f.reviewed === "true"}` : P.empty}
      ${f.assignee === "none" ? P.sql`AND t."assigneeId" IS NULL` : f.assignee ? P.sql`AND t."assigneeId" = ${assignee ?? ""}` : P.empty}
    ORDER BY i.position LIMIT ${f.limit + 1}`;
  const items = rows.slice(0, f.limit).map(({ slug, name, assigneeId, assigneeName, ...r }) => ({ ...r, discipline: { slug, name }, assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "(deleted user)" } : null }));
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].position) : null };
}

/**
 * One failure as an annotator reads it: the item with the option the model chose, the chain with
 * each step's relation, evidence sentence and chunk, the probes and answers, the diagnosis, and the
 * patches proposed for it.
 */
export async function traceDetail(db: Db, id: string) {
  const trace = await db.failureTrace.findUnique({ where: { id }, include: { debugRun: { select: { id: true, evaluationRunId: true, evaluationRun: { select: { modelVersion: { select: { name: true } } } } } } } });
  if (!trace) throw new DomainError("NOT_FOUND", `No failure trace ${id}`);
  const [item, answer] = await Promise.all([
    db.benchmarkItem.findUniqueOrThrow({ where: { id: trace.itemId }, select: { id: true, position: true, stem: true, options: true, answerIndex: true, difficulty: true, path: true, discipline: { select: { slug: true, name: true } } } }),
    db.evaluationAnswer.findUnique({ where: { evaluationRunId_itemId: { evaluationRunId: trace.debugRun.evaluationRunId, itemId: trace.itemId } }, select: { choice: true, raw: true } }),
  ]);
  const path = item.path as PathStep[];
  const relations = await db.relation.findMany({ where: { id: { in: path.flatMap((p) => (p.relationId ? [p.relationId] : [])) } }, select: { id: true, evidence: true, chunk: { select: { id: true, heading: true, text: true } } } });
  const byId = new Map(relations.map((r) => [r.id, r]));
  const patches = await db.patch.findMany({ where: { debugRunId: trace.debugRunId, itemIds: { has: trace.itemId } }, orderBy: [{ targetKind: "asc" }, { form: "asc" }], select: { id: true, targetKind: true, targetId: true, form: true, status: true, gatePassed: true, version: true } });
  const { debugRun, probes, ...rest } = trace;
  return {
    ...rest,
    model: debugRun.evaluationRun.modelVersion.name,
    probes: traceProbesSchema.parse(probes),
    item: { ...item, options: item.options as ItemOption[], path },
    answer,
    steps: path.map((p) => {
      const r = p.relationId ? byId.get(p.relationId) : undefined;
      return { ...p, evidence: r?.evidence ?? null, chunk: r?.chunk ?? null };
    }),
    patches,
  };
}

export const patchFilters = pageQuery.extend({
  debugRun: z.string().min(1),
  status: z.enum(["PROPOSED", "APPROVED", "REJECTED", "APPLIED"]).optional(),
});

/** A debug run's patches in the order they were proposed: the review queue. */
export async function listPatches(db: Db, f: z.infer<typeof patchFilters>) {
  const rows = await db.patch.findMany({
    where: { debugRunId: f.debugRun, ...(f.status ? { status: f.status } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    select: { id: true, targetKind: true, targetId: true, form: true, author: true, status: true, gatePassed: true, version: true, itemIds: true, content: true, updatedAt: true },
  });
  const items = rows.slice(0, f.limit).map((p) => ({ ...p, content: patchContentSchema.parse(p.content) }));
  return { items, nextCursor: rows.length > f.limit ? items[items.length - 1].id : null };
}

/** One patch: its content and the generated one (for the diff), the gate's verdict, what it targets, and the next one to review. */
export async function patchDetail(db: Db, id: string) {
  const patch = await db.patch.findUnique({ where: { id } });
  if (!patch) throw new DomainError("NOT_FOUND", `No patch ${id}`);
  const target =
    patch.targetKind === "relation"
      ? await db.relation.findUnique({ where: { id: patch.targetId }, select: { predicate: true, subject: { select: { name: true } }, object: { select: { name: true } } } }).then((r) => (r ? `${r.subject.name} ${r.predicate.replace(/_/g, " ")} ${r.object.name}` : "(deleted relation)"))
      : await db.concept.findUnique({ where: { id: patch.targetId }, select: { name: true } }).then((c) => c?.name ?? "(deleted concept)");
  const found = await db.failureTrace.findMany({ where: { debugRunId: patch.debugRunId, itemId: { in: patch.itemIds } }, select: { id: true, itemId: true, diagnosis: true, step: true } });
  const positions = new Map((await db.benchmarkItem.findMany({ where: { id: { in: patch.itemIds } }, select: { id: true, position: true } })).map((i) => [i.id, i.position]));
  const traces = found.map((t) => ({ ...t, itemPosition: positions.get(t.itemId) ?? null })).sort((a, b) => (a.itemPosition ?? 0) - (b.itemPosition ?? 0));
  const next = await db.patch.findFirst({ where: { debugRunId: patch.debugRunId, status: "PROPOSED", id: { not: id } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return {
    ...patch,
    content: patchContentSchema.parse(patch.content),
    generated: patchContentSchema.parse(patch.generated),
    violations: patch.violations as { kind: string; itemId: string; shared: string }[],
    target,
    traces,
    nextId: next?.id ?? null,
  };
}
