import type { Db } from "@/lib/server/db";

export type Counts = { concepts: number; relations: number; chains: number };
export type KnowledgeTotals = Counts & { byDiscipline: Record<string, Counts> };

/** Concepts, relations and chains per discipline (all disciplines when `disciplineIds` is empty): three grouped counts. */
export async function knowledgeTotals(db: Db, disciplineIds: string[]): Promise<KnowledgeTotals> {
  const where = disciplineIds.length ? { disciplineId: { in: disciplineIds } } : {};
  const [disciplines, concepts, relations, chains] = await Promise.all([
    db.discipline.findMany({ where: disciplineIds.length ? { id: { in: disciplineIds } } : {}, select: { id: true, slug: true }, orderBy: { sortOrder: "asc" } }),
    db.concept.groupBy({ by: ["disciplineId"], where, _count: { _all: true } }),
    db.relation.groupBy({ by: ["disciplineId"], where, _count: { _all: true } }),
    db.chain.groupBy({ by: ["disciplineId"], where, _count: { _all: true } }),
  ]);
  const count = (rows: { disciplineId: string; _count: { _all: number } }[], id: string) => rows.find((r) => r.disciplineId === id)?._count._all ?? 0;
  const byDiscipline: Record<string, Counts> = {};
  const totals: Counts = { concepts: 0, relations: 0, chains: 0 };
  for (const d of disciplines) {
    const c = { concepts: count(concepts, d.id), relations: count(relations, d.id), chains: count(chains, d.id) };
    if (!disciplineIds.length && c.concepts + c.relations + c.chains === 0) continue;
    byDiscipline[d.slug] = c;
    totals.concepts += c.concepts;
    totals.relations += c.relations;
    totals.chains += c.chains;
  }
  return { ...totals, byDiscipline };
}
