import { linkPaths, summarise } from "@/lib/domain/knowledge/local/chains";
import type { Db } from "@/lib/server/db";
import { vocabularyOf } from "./vocabulary";

export const DOCUMENT_LINKER = "local:document-link-v1";
const MAX_CHAINS_PER_DOCUMENT = 12;

/**
 * L3 across a document's chunks: a section often states one step of an argument per paragraph
 * ("separation of charge leads to a bond dipole moment" … "the bond dipole moment determines the
 * molecule's polarity"). The relations of each document (drafts and approved) are linked through
 * their shared concepts into chains that span at least two chunks (the chunk-level extractor has
 * the others). Chains are keyed by their steps, so a rerun creates nothing new.
 */
export async function linkDocumentChains(db: Db, disciplineIds: string[], documentIds?: string[]): Promise<{ chains: number; documents: number }> {
  let chains = 0;
  let documents = 0;
  for (const disciplineId of disciplineIds) {
    const relations = await db.relation.findMany({
      where: { disciplineId, status: { not: "REJECTED" }, chunk: documentIds?.length ? { documentId: { in: documentIds } } : { isNot: null } },
      select: { id: true, subjectId: true, predicate: true, objectId: true, chunkId: true, chunk: { select: { documentId: true } }, subject: { select: { name: true } }, object: { select: { name: true } } },
      orderBy: { id: "asc" },
    });
    const byDocument = new Map<string, typeof relations>();
    for (const r of relations) {
      const doc = r.chunk!.documentId;
      const list = byDocument.get(doc);
      if (list) list.push(r);
      else byDocument.set(doc, [r]);
    }
    const phrases = new Map((await vocabularyOf(db, disciplineId)).map((p) => [p.name, p.phrase]));
    for (const rels of byDocument.values()) {
      if (rels.length < 2) continue;
      const paths = linkPaths(rels, (r) => r.subjectId, (r) => r.objectId, MAX_CHAINS_PER_DOCUMENT).filter((p) => new Set(p.map((i) => rels[i].chunkId)).size > 1);
      if (!paths.length) continue;
      documents++;
      const created = await db.$transaction(async (tx) => {
        const rows = await tx.chain.createManyAndReturn({
          data: paths.map((p) => ({
            disciplineId,
            signature: p.map((i) => rels[i].id).join(">"),
            summary: summarise(p.map((i) => ({ subject: rels[i].subject.name, predicate: rels[i].predicate, object: rels[i].object.name })), (name) => phrases.get(name) ?? name),
            chunkId: rels[p[0]].chunkId,
            extractor: DOCUMENT_LINKER,
          })),
          skipDuplicates: true,
          select: { id: true, signature: true },
        });
        const ids = new Map(rows.map((r) => [r.signature, r.id]));
        await tx.chainStep.createMany({
          data: paths.flatMap((p) => {
            const chainId = ids.get(p.map((i) => rels[i].id).join(">"));
            return chainId ? p.map((i, position) => ({ chainId, position, relationId: rels[i].id })) : [];
          }),
        });
        return rows.length;
      });
      chains += created;
    }
  }
  return { chains, documents };
}
