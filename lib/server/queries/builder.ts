import { z } from "zod";
import { coreReport, type CoreInputs } from "@/lib/domain/builder";
import { INSTANCE_KINDS } from "@/lib/domain/builder/types";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { assertReadyForTraining } from "@/lib/server/services/builder/approve-training-set";
import type { Db } from "@/lib/server/db";
import { pageQuery } from "./pagination";

const SET = { id: true, name: true, version: true, status: true, instanceCount: true, settings: true, lineage: true, parentId: true, createdAt: true, approvedAt: true } as const;

/** Frozen benchmarks a check did not see frozen: a gate that passed before them says nothing about them. */
const frozenBenchmarkIds = async (db: Db) => (await db.benchmark.findMany({ where: { status: "FROZEN" }, select: { id: true } })).map((b) => b.id);
const isStale = (frozen: string[], checkedFrozen: string[]) => frozen.some((id) => !checkedFrozen.includes(id));

/** Every version with the result of its latest gate check, and whether a benchmark was frozen since. */
export async function listTrainingSets(db: Db) {
  const [sets, frozen] = await Promise.all([
    db.trainingSet.findMany({ select: { ...SET, checks: { orderBy: { createdAt: "desc" }, take: 1, select: { passed: true, violationCount: true, createdAt: true, frozenIds: true } } }, orderBy: [{ createdAt: "desc" }] }),
    frozenBenchmarkIds(db),
  ]);
  return sets.map(({ checks: [check], ...s }) => ({
    ...s,
    gate: check ? { passed: check.passed, violationCount: check.violationCount, createdAt: check.createdAt, stale: isStale(frozen, check.frozenIds) } : null,
  }));
}

/** A version with its CORE report (orthogonality from the latest check) and that check's pairs. */
export async function trainingSetDetail(db: Db, id: string) {
  const set = await db.trainingSet.findUnique({ where: { id }, select: { ...SET, core: true, parent: { select: { id: true, name: true, version: true } } } });
  if (!set) throw new DomainError("NOT_FOUND", `No training set ${id}`);
  const check = await db.orthogonalityCheck.findFirst({ where: { trainingSetId: id }, orderBy: { createdAt: "desc" }, include: { violations: { take: 50 } } });
  const [byKind, byDiscipline, frozen] = await Promise.all([
    db.trainingInstance.groupBy({ by: ["kind"], where: { trainingSetId: id }, _count: true }),
    db.$queryRaw<{ slug: string; name: string; n: number }[]>`
      SELECT d.slug, d.name, count(*)::int AS n FROM "TrainingInstance" i JOIN "Discipline" d ON d.id = i."disciplineId"
      WHERE i."trainingSetId" = ${id} GROUP BY d.slug, d.name, d."sortOrder" ORDER BY d."sortOrder"`,
    frozenBenchmarkIds(db),
  ]);
  const { core, ...rest } = set;
  // What approval would say now: the page disables Approve with this reason instead of letting it fail.
  const approval = set.status === "DRAFT" ? await assertReadyForTraining(db, id).then(() => null, (e) => (isDomainError(e) ? e.message : null)) : null;
  return {
    trainingSet: rest,
    /** why approval would be refused now, or null when it would pass (or the set is not a draft) */
    approvalBlocked: approval,
    byKind: Object.fromEntries(byKind.map((k) => [k.kind, k._count])),
    byDiscipline,
    core: storedCoreReport(core, check),
    gate: check && { id: check.id, passed: check.passed, checked: check.checked, violations: check.violationCount, benchmarkIds: check.benchmarkIds, frozenIds: check.frozenIds, stale: isStale(frozen, check.frozenIds), createdAt: check.createdAt, pairs: await pairsOf(db, check.violations) },
  };
}

/** The CORE report of a set from what its build stored, with orthogonality from its latest gate check (unknown before one). */
export function storedCoreReport(core: unknown, check: { violationCount: number; createdAt: Date } | null | undefined) {
  const inputs = core as (Omit<CoreInputs, "orthogonality"> & { report?: unknown }) | null;
  return inputs ? coreReport({ ...inputs, orthogonality: check ? { violations: check.violationCount, checkedAt: check.createdAt.toISOString() } : null }) : null;
}

/** Offending pairs with both texts, so a reviewer sees what is shared. */
async function pairsOf(db: Db, violations: { instanceId: string; itemId: string; kind: string; shared: string; similarity: number }[]) {
  const [instances, items] = await Promise.all([
    db.trainingInstance.findMany({ where: { id: { in: violations.map((v) => v.instanceId) } }, select: { id: true, prompt: true, completion: true } }),
    db.benchmarkItem.findMany({ where: { id: { in: violations.map((v) => v.itemId) } }, select: { id: true, stem: true, benchmark: { select: { version: true } } } }),
  ]);
  const inst = new Map(instances.map((i) => [i.id, i]));
  const item = new Map(items.map((i) => [i.id, i]));
  return violations.map((v) => ({ ...v, instance: inst.get(v.instanceId) ?? null, item: item.get(v.itemId) ?? null }));
}

export const instanceFilters = pageQuery.extend({
  discipline: z.string().optional(),
  kind: z.enum(INSTANCE_KINDS).optional(),
  concept: z.string().optional(),
  relation: z.string().optional(),
});

/** Instances in order, filtered by discipline, kind, or the concept or relation they teach. */
export async function trainingInstances(db: Db, trainingSetId: string, f: z.infer<typeof instanceFilters>) {
  const after = f.cursor ? Number(f.cursor) : -1;
  const rows = await db.trainingInstance.findMany({
    where: {
      trainingSetId,
      position: { gt: after },
      ...(f.discipline ? { discipline: { slug: f.discipline } } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.concept ? { conceptIds: { has: f.concept } } : {}),
      ...(f.relation ? { relationIds: { has: f.relation } } : {}),
    },
    select: { id: true, position: true, kind: true, prompt: true, completion: true, conceptIds: true, relationIds: true, chunkId: true, discipline: { select: { slug: true, name: true } } },
    orderBy: { position: "asc" },
    take: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  // What each instance teaches, by name: one query per level for the page.
  const [concepts, relations] = await Promise.all([
    db.concept.findMany({ where: { id: { in: [...new Set(page.flatMap((r) => r.conceptIds))] } }, select: { id: true, name: true } }),
    db.relation.findMany({ where: { id: { in: [...new Set(page.flatMap((r) => r.relationIds))] } }, select: { id: true, predicate: true, subject: { select: { name: true } }, object: { select: { name: true } } } }),
  ]);
  const conceptName = new Map(concepts.map((c) => [c.id, c.name]));
  const relationLabel = new Map(relations.map((r) => [r.id, `${r.subject.name} ${r.predicate} ${r.object.name}`]));
  const items = page.map((r) => ({
    ...r,
    teaches: [
      ...r.relationIds.map((id) => ({ level: "L2" as const, id, label: relationLabel.get(id) ?? "(deleted relation)" })),
      ...(r.relationIds.length ? [] : r.conceptIds.map((id) => ({ level: "L1" as const, id, label: conceptName.get(id) ?? "(deleted concept)" }))),
    ],
  }));
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].position) : null };
}
