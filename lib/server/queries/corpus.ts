import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { toPage } from "./pagination";

/** Documents, chunks and tokens per discipline: one grouped query, not one per discipline. */
export async function corpusStats(db: Db) {
  const [disciplines, groups] = await Promise.all([
    db.discipline.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } }),
    db.document.groupBy({ by: ["disciplineId"], _count: { _all: true }, _sum: { chunkCount: true, tokens: true } }),
  ]);
  const byId = new Map(groups.map((g) => [g.disciplineId, g]));
  const rows = disciplines.map((d) => {
    const g = byId.get(d.id);
    return { ...d, documents: g?._count._all ?? 0, chunks: g?._sum.chunkCount ?? 0, tokens: g?._sum.tokens ?? 0 };
  });
  const total = rows.reduce((t, r) => ({ documents: t.documents + r.documents, chunks: t.chunks + r.chunks, tokens: t.tokens + r.tokens }), { documents: 0, chunks: 0, tokens: 0 });
  return { disciplines: rows, total };
}

export async function listDisciplines(db: Db) {
  return db.discipline.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } });
}

export async function listDocuments(db: Db, q: { discipline?: string; search?: string; cursor?: string; limit: number }) {
  const rows = await db.document.findMany({
    where: {
      ...(q.discipline ? { discipline: { slug: q.discipline } } : {}),
      ...(q.search ? { OR: [{ title: { contains: q.search, mode: "insensitive" } }, { sourcePath: { contains: q.search, mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    select: {
      id: true, title: true, sourcePath: true, format: true, license: true, source: true,
      tokens: true, chunkCount: true, createdAt: true, updatedAt: true,
      discipline: { select: { slug: true, name: true } },
    },
  });
  return toPage(rows, q.limit);
}

export async function getDocument(db: Db, id: string, q: { cursor?: string; limit: number }) {
  const doc = await db.document.findUnique({
    where: { id },
    include: { discipline: { select: { slug: true, name: true } } },
  });
  if (!doc) throw new DomainError("NOT_FOUND", `No document ${id}`);
  const chunks = await db.chunk.findMany({
    where: { documentId: id },
    orderBy: { ordinal: "asc" },
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    select: { id: true, ordinal: true, heading: true, text: true, tokens: true },
  });
  return { document: doc, chunks: toPage(chunks, q.limit) };
}

/** Recent import runs with their reports, for the Corpus page. */
export async function listImports(db: Db, limit = 20) {
  return db.jobRun.findMany({
    where: { type: corpusImportJob.name },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, status: true, progress: true, message: true, error: true, payload: true, result: true, createdAt: true, finishedAt: true },
  });
}
