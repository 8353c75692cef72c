import type { Db } from "@/lib/server/db";
import { checkStructure } from "@/lib/server/services/knowledge/check-structure";

type StatusCounts = { DRAFT: number; APPROVED: number; REJECTED: number };
const empty = (): StatusCounts => ({ DRAFT: 0, APPROVED: 0, REJECTED: 0 });

/** Per discipline: items per level and review status, plus the reachability gate. */
export async function knowledgeStats(db: Db, disciplineSlug?: string) {
  const disciplines = await db.discipline.findMany({ where: disciplineSlug ? { slug: disciplineSlug } : {}, select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
  const where = { disciplineId: { in: disciplines.map((d) => d.id) } };
  const by = { by: ["disciplineId", "status"] as ("disciplineId" | "status")[], where, _count: { _all: true } } as const;
  const [concepts, relations, chains, extracted, check] = await Promise.all([
    db.concept.groupBy(by),
    db.relation.groupBy(by),
    db.chain.groupBy(by),
    db.chunk.groupBy({ by: ["disciplineId"], where: { ...where, extractions: { some: {} } }, _count: { _all: true } }),
    checkStructure(db, disciplineSlug),
  ]);
  const chunks = await db.chunk.groupBy({ by: ["disciplineId"], where, _count: { _all: true } });
  const fold = (rows: { disciplineId: string; status: keyof StatusCounts; _count: { _all: number } }[], id: string) => {
    const out = empty();
    for (const r of rows) if (r.disciplineId === id) out[r.status] += r._count._all;
    return out;
  };
  const count = (rows: { disciplineId: string; _count: { _all: number } }[], id: string) => rows.find((r) => r.disciplineId === id)?._count._all ?? 0;
  return {
    disciplines: disciplines.map((d) => ({
      slug: d.slug,
      name: d.name,
      chunks: count(chunks, d.id),
      extractedChunks: count(extracted, d.id),
      concepts: fold(concepts, d.id),
      relations: fold(relations, d.id),
      chains: fold(chains, d.id),
    })),
    reachability: check.reachability,
    violations: check.violations.slice(0, 20),
  };
}
