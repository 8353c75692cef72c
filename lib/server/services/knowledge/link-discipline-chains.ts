import { linkChainsAcross } from "@/lib/domain/knowledge/link-chains";
import { summarise } from "@/lib/domain/knowledge/local/chains";
import type { Db } from "@/lib/server/db";
import { vocabularyOf } from "./vocabulary";

export const CHAIN_LINKER = "local:discipline-link-v1";

/**
 * L3 across the chunks and documents of a discipline: a section often states one step of an
 * argument per paragraph, and a book states a concept's class in one section and what it does in
 * another. The discipline's relations (drafts and approved) are linked into chains by the chain
 * rules (lib/domain/knowledge/link-chains). Chains are keyed by their steps, so a rerun creates
 * nothing new; the linker's untouched drafts that it would no longer choose are removed.
 */
export async function linkDisciplineChains(db: Db, disciplineIds: string[]): Promise<{ chains: number; removed: number }> {
  let chains = 0;
  let removed = 0;
  for (const disciplineId of disciplineIds) {
    const relations = await db.relation.findMany({
      where: { disciplineId, status: { not: "REJECTED" } },
      select: { id: true, subjectId: true, predicate: true, objectId: true, evidence: true, confidence: true, chunkId: true, chunk: { select: { documentId: true } }, subject: { select: { name: true } }, object: { select: { name: true } } },
      orderBy: { id: "asc" },
    });
    const byId = new Map(relations.map((r) => [r.id, r]));
    const definitions = new Map((await db.concept.findMany({ where: { disciplineId, definition: { not: null } }, select: { name: true, definition: true } })).map((c) => [c.name, c.definition]));
    const paths = linkChainsAcross(
      relations.map((r) => ({ id: r.id, subjectId: r.subjectId, predicate: r.predicate, objectId: r.objectId, subject: r.subject.name, object: r.object.name, evidence: r.evidence, documentId: r.chunk?.documentId ?? null, confidence: r.confidence })),
      { definitionOf: (name) => definitions.get(name) },
    );
    const phrases = new Map((await vocabularyOf(db, disciplineId)).map((p) => [p.name, p.phrase]));
    const signatures = paths.map((p) => p.join(">"));
    const result = await db.$transaction(async (tx) => {
      const stale = await tx.chain.deleteMany({ where: { disciplineId, extractor: CHAIN_LINKER, status: "DRAFT", editedAt: null, signature: { notIn: signatures } } });
      if (!paths.length) return { created: 0, stale: stale.count };
      const rows = await tx.chain.createManyAndReturn({
        data: paths.map((p, i) => ({
          disciplineId,
          signature: signatures[i],
          summary: summarise(p.map((id) => ({ subject: byId.get(id)!.subject.name, predicate: byId.get(id)!.predicate, object: byId.get(id)!.object.name })), (name) => phrases.get(name) ?? name),
          chunkId: byId.get(p[0])!.chunkId,
          extractor: CHAIN_LINKER,
        })),
        skipDuplicates: true,
        select: { id: true, signature: true },
      });
      const ids = new Map(rows.map((r) => [r.signature, r.id]));
      await tx.chainStep.createMany({
        data: paths.flatMap((p, i) => {
          const chainId = ids.get(signatures[i]);
          return chainId ? p.map((relationId, position) => ({ chainId, position, relationId })) : [];
        }),
      });
      return { created: rows.length, stale: stale.count };
    }, { timeout: 120_000 });
    chains += result.created;
    removed += result.stale;
  }
  return { chains, removed };
}
