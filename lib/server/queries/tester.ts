import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { pageQuery, searchText } from "./pagination";

const BENCHMARK = { id: true, version: true, name: true, status: true, itemCount: true, approvedOnly: true, seed: true, disciplines: true, parentId: true, createdAt: true, frozenAt: true, report: true } as const;

export async function listBenchmarks(db: Db) {
  return db.benchmark.findMany({ select: BENCHMARK, orderBy: { version: "desc" } });
}

/** A benchmark with live statistics of its active items: by discipline, operator and chain length. */
export async function benchmarkDetail(db: Db, id: string) {
  const benchmark = await db.benchmark.findUnique({ where: { id }, select: BENCHMARK });
  if (!benchmark) throw new DomainError("NOT_FOUND", `No benchmark ${id}`);
  const [byDiscipline, byLength, byOperator, rejected] = await Promise.all([
    db.$queryRaw<{ slug: string; name: string; n: number }[]>`
      SELECT d.slug, d.name, count(*)::int AS n FROM "BenchmarkItem" i JOIN "Discipline" d ON d.id = i."disciplineId"
      WHERE i."benchmarkId" = ${id} AND i.status = 'ACTIVE' GROUP BY d.slug, d.name, d."sortOrder" ORDER BY d."sortOrder", d.name`,
    db.$queryRaw<{ length: number; n: number }[]>`
      SELECT difficulty AS length, count(*)::int AS n FROM "BenchmarkItem" WHERE "benchmarkId" = ${id} AND status = 'ACTIVE' GROUP BY difficulty ORDER BY difficulty`,
    db.$queryRaw<{ operator: string; n: number }[]>`
      SELECT o->>'operator' AS operator, count(*)::int AS n FROM "BenchmarkItem" i, jsonb_array_elements(i.options) o
      WHERE i."benchmarkId" = ${id} AND i.status = 'ACTIVE' AND o->>'operator' <> 'ANSWER' GROUP BY 1 ORDER BY 1`,
    db.benchmarkItem.groupBy({ by: ["rejectionReason"], where: { benchmarkId: id, status: "REJECTED" }, _count: { _all: true } }),
  ]);
  const operators = { INVREL: 0, TRUNC: 0, NEARMISS: 0, ...Object.fromEntries(byOperator.map((r) => [r.operator, r.n])) };
  // Rejected by the Tester's checks (with the reason) or by a person (no reason).
  const rejectedBy = rejected.map((r) => ({ reason: r.rejectionReason ?? "rejected by a reviewer", n: r._count._all })).sort((a, b) => b.n - a.n);
  const stats = { items: byDiscipline.reduce((s, r) => s + r.n, 0), rejected: rejectedBy.reduce((s, r) => s + r.n, 0), rejectedBy, byDiscipline, byLength, byOperator: operators };
  return { benchmark, stats };
}

export const itemFilters = pageQuery.extend({
  discipline: z.string().optional(),
  length: z.coerce.number().int().min(1).max(10).optional(),
  operator: z.enum(["INVREL", "TRUNC", "NEARMISS"]).optional(),
  status: z.enum(["ACTIVE", "REJECTED"]).optional(),
  q: searchText.optional(),
});

/** Items in order of position, filtered, by cursor (the position of the last one seen). */
export async function benchmarkItems(db: Db, benchmarkId: string, f: z.infer<typeof itemFilters>) {
  const after = f.cursor ? Number(f.cursor) : -1;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i.id FROM "BenchmarkItem" i JOIN "Discipline" d ON d.id = i."disciplineId"
    WHERE i."benchmarkId" = ${benchmarkId} AND i.position > ${after}
      ${f.discipline ? P.sql`AND d.slug = ${f.discipline}` : P.empty}
      ${f.length ? P.sql`AND i.difficulty = ${f.length}` : P.empty}
      ${f.status ? P.sql`AND i.status = ${f.status}::"ItemStatus"` : P.empty}
      ${f.operator ? P.sql`AND i.options @> ${JSON.stringify([{ operator: f.operator }])}::jsonb` : P.empty}
      ${f.q ? P.sql`AND i.stem ILIKE ${`%${f.q}%`}` : P.empty}
    ORDER BY i.position LIMIT ${f.limit + 1}`;
  const items = await db.benchmarkItem.findMany({
    where: { id: { in: rows.slice(0, f.limit).map((r) => r.id) } },
    select: { id: true, position: true, stem: true, options: true, answerIndex: true, difficulty: true, path: true, status: true, rejectionReason: true, chainId: true, editedAt: true, discipline: { select: { slug: true, name: true } } },
    orderBy: { position: "asc" },
  });
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].position) : null };
}
