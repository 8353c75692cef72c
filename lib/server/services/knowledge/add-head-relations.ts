import { headHypernyms } from "@/lib/domain/knowledge/head-hypernyms";
import type { Db } from "@/lib/server/db";

export const HEAD_LINKER = "local:head-v1";
/** As sure as an "is a kind of" sentence: the name states it. */
const HEAD_CONFIDENCE = 0.85;

/**
 * "is a kind of" relations between a discipline's concepts whose names narrow one another
 * ("recessive allele" → "allele"), with the sentence that introduces the narrower one as their
 * evidence. Idempotent: a relation that exists (either way) is not written again.
 */
export async function addHeadRelations(db: Db, disciplineIds: string[]): Promise<number> {
  let created = 0;
  for (const disciplineId of disciplineIds) {
    const concepts = await db.concept.findMany({ where: { disciplineId, status: { not: "REJECTED" } }, select: { id: true, name: true, evidence: true, definition: true, chunkId: true } });
    const byId = new Map(concepts.map((c) => [c.id, c]));
    const pairs = headHypernyms(concepts).filter(({ subjectId }) => byId.get(subjectId)!.evidence);
    if (!pairs.length) continue;
    const existing = await db.relation.findMany({
      where: { disciplineId, OR: [{ subjectId: { in: pairs.map((p) => p.subjectId) } }, { objectId: { in: pairs.map((p) => p.subjectId) } }] },
      select: { subjectId: true, objectId: true },
    });
    const linked = new Set(existing.flatMap((r) => [`${r.subjectId}|${r.objectId}`, `${r.objectId}|${r.subjectId}`]));
    const fresh = pairs.filter((p) => !linked.has(`${p.subjectId}|${p.objectId}`));
    const result = await db.relation.createMany({
      data: fresh.map(({ subjectId, objectId }) => {
        const c = byId.get(subjectId)!;
        return { disciplineId, subjectId, predicate: "is_a", objectId, evidence: c.evidence!, confidence: HEAD_CONFIDENCE, chunkId: c.chunkId, extractor: HEAD_LINKER };
      }),
      skipDuplicates: true,
    });
    created += result.count;
  }
  return created;
}
