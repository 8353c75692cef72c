import { canonicalName, displayName, normalisePredicate } from "@/lib/domain/knowledge/canonical";
import type { Extraction, ExtractorInfo, Predicate } from "@/lib/domain/knowledge/types";
import type { Prisma } from "@/lib/server/db";

export const extractorKey = (i: ExtractorInfo) => [i.id, i.version, i.model, i.promptVersion].filter(Boolean).join(":");

type Target = { chunkId: string; disciplineId: string; runId: string | null };
export type SavedCounts = { concepts: number; relations: number; chains: number; replaced: number };

/** Only untouched drafts are the extractor's to replace; approved, rejected or edited items stay. */
const untouchedDraft = (chunkId: string) => ({ chunkId, status: "DRAFT" as const, editedAt: null });

/**
 * Writes one chunk's extraction in the caller's transaction: replaces the chunk's untouched
 * drafts, merges concepts by canonical name and aliases within the discipline, adds relations
 * and chains that do not exist yet, and records the chunk as extracted with these settings.
 */
export async function saveExtraction(tx: Prisma.TransactionClient, target: Target, info: ExtractorInfo, extraction: Extraction, vocabulary: Predicate[]): Promise<SavedCounts> {
  const replaced = await removeUntouchedDrafts(tx, target.chunkId);
  const provenance = { chunkId: target.chunkId, extractor: info.id, model: info.model, promptVersion: info.promptVersion };

  // L1: one concept per canonical key; an existing concept of the discipline (by name or alias) is reused.
  const byKey = new Map<string, { name: string; aliases: Set<string>; definition: string | null; evidence: string | null; glossary: boolean }>();
  for (const c of extraction.concepts) {
    const key = canonicalName(c.name);
    if (!key) continue;
    const entry = byKey.get(key) ?? { name: displayName(c.name), aliases: new Set<string>(), definition: null, evidence: null, glossary: false };
    for (const a of c.aliases) if (canonicalName(a) && canonicalName(a) !== key) entry.aliases.add(displayName(a));
    if (c.definitionSource === "glossary" && !entry.glossary) Object.assign(entry, { definition: c.definition, glossary: true });
    entry.definition ??= c.definition;
    entry.evidence ??= c.evidence;
    byKey.set(key, entry);
  }
  const keys = [...byKey.keys()];
  const existing = await tx.concept.findMany({
    where: { disciplineId: target.disciplineId, OR: [{ canonicalName: { in: keys } }, { aliasKeys: { hasSome: keys } }] },
    select: { id: true, canonicalName: true, aliasKeys: true, definition: true, editedAt: true },
  });
  const idByKey = new Map<string, string>();
  for (const e of existing) {
    idByKey.set(e.canonicalName, e.id);
    for (const a of e.aliasKeys) if (!idByKey.has(a)) idByKey.set(a, e.id);
  }
  // A concept found in another chunk gets its definition here when it has none, and the book's
  // glossary line wins over a sentence unless a person edited the concept.
  for (const e of existing) {
    const entry = byKey.get(e.canonicalName);
    if (entry?.definition && ((!e.definition) || (entry.glossary && !e.editedAt && e.definition !== entry.definition))) {
      await tx.concept.update({ where: { id: e.id }, data: { definition: entry.definition } });
    }
  }
  let concepts = 0;
  for (const [key, c] of byKey) {
    if (idByKey.has(key)) continue;
    const aliases = [...c.aliases];
    const created = await tx.concept.create({
      data: { disciplineId: target.disciplineId, name: c.name, canonicalName: key, aliases, aliasKeys: aliases.map(canonicalName), definition: c.definition, evidence: c.evidence, ...provenance },
      select: { id: true },
    });
    idByKey.set(key, created.id);
    concepts++;
  }

  // L2: triples whose ends are concepts and whose predicate is in the vocabulary.
  const relationIds: (string | null)[] = [];
  let relations = 0;
  for (const t of extraction.triples) {
    const p = normalisePredicate(t.predicate, vocabulary);
    let subjectId = idByKey.get(canonicalName(t.subject));
    let objectId = idByKey.get(canonicalName(t.object));
    if (!p || !subjectId || !objectId || subjectId === objectId) {
      relationIds.push(null);
      continue;
    }
    if (p.inverted) [subjectId, objectId] = [objectId, subjectId];
    const found = await tx.relation.findUnique({ where: { subjectId_predicate_objectId: { subjectId, predicate: p.name, objectId } }, select: { id: true } });
    if (found) {
      relationIds.push(found.id);
      continue;
    }
    const created = await tx.relation.create({
      data: { disciplineId: target.disciplineId, subjectId, predicate: p.name, objectId, evidence: t.evidence, confidence: t.confidence ?? null, ...provenance },
      select: { id: true },
    });
    relationIds.push(created.id);
    relations++;
  }

  // L3: chains whose every step was kept; one chain per path (signature).
  let chains = 0;
  for (const ch of extraction.chains) {
    const steps = ch.steps.map((i) => relationIds[i] ?? null);
    if (steps.length < 2 || steps.some((s) => s === null)) continue;
    const signature = steps.join(">");
    const exists = await tx.chain.findUnique({ where: { disciplineId_signature: { disciplineId: target.disciplineId, signature } }, select: { id: true } });
    if (exists) continue;
    await tx.chain.create({
      data: {
        disciplineId: target.disciplineId,
        signature,
        summary: ch.summary,
        ...provenance,
        steps: { create: steps.map((relationId, position) => ({ position, relationId: relationId! })) },
      },
    });
    chains++;
  }
  return { concepts, relations, chains, replaced };
}

/** Deletes the chunk's untouched draft chains, then relations and concepts nothing else uses. */
async function removeUntouchedDrafts(tx: Prisma.TransactionClient, chunkId: string): Promise<number> {
  const chains = await tx.chain.deleteMany({ where: untouchedDraft(chunkId) });
  const relations = await tx.relation.deleteMany({ where: { ...untouchedDraft(chunkId), steps: { none: {} } } });
  const concepts = await tx.concept.deleteMany({ where: { ...untouchedDraft(chunkId), subjectOf: { none: {} }, objectOf: { none: {} } } });
  return chains.count + relations.count + concepts.count;
}
