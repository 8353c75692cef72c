import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";

export type StructureFilter = { approvedOnly?: boolean };

/** Which review states count: everything not rejected (drafts are reviewed by sampling), or approved only. */
export const statusesFor = (f: StructureFilter) => (f.approvedOnly ? (["APPROVED"] as const) : (["DRAFT", "APPROVED"] as const));

/** The disciplines named by slug (all, in sidebar order, when none are named); an unknown slug is a 404. */
export async function selectDisciplines(db: Db, slugs?: string[]) {
  const all = await db.discipline.findMany({ select: { id: true, slug: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  if (!slugs?.length) return all;
  const missing = slugs.filter((s) => !all.some((d) => d.slug === s));
  if (missing.length) throw new DomainError("NOT_FOUND", `No discipline ${missing.map((s) => `"${s}"`).join(", ")}`);
  return all.filter((d) => slugs.includes(d.slug));
}

/**
 * L1 and L2 of one discipline, in the statuses asked for: one query each, in id order. Without an
 * order Postgres returns rows as its plan finds them, which differs between databases and over
 * time; the Builder's synthesis and the Debugger's probes are seeded and must see the same input
 * to make the same instances and traces (a retry after a crash, a clean run elsewhere).
 */
export async function loadLevels(db: Db, disciplineId: string, f: StructureFilter) {
  const status = { in: [...statusesFor(f)] };
  const [concepts, relations] = await Promise.all([
    db.concept.findMany({ where: { disciplineId, status }, select: { id: true, name: true, definition: true, chunkId: true, status: true }, orderBy: { id: "asc" } }),
    db.relation.findMany({ where: { disciplineId, status }, select: { id: true, subjectId: true, predicate: true, objectId: true, evidence: true, chunkId: true, status: true }, orderBy: { id: "asc" } }),
  ]);
  return { concepts, relations };
}

/** L3 chains of one discipline with their steps' relation ids in order. */
export async function loadChains(db: Db, disciplineId: string, f: StructureFilter) {
  const chains = await db.chain.findMany({
    where: { disciplineId, status: { in: [...statusesFor(f)] } },
    select: { id: true, steps: { select: { position: true, relationId: true }, orderBy: { position: "asc" } } },
    orderBy: { id: "asc" },
  });
  return chains.map((c) => ({ id: c.id, relationIds: c.steps.map((s) => s.relationId) }));
}
