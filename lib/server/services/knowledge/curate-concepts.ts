import { z } from "zod";
import { canonicalName, displayName } from "@/lib/domain/knowledge/canonical";
import { DomainError } from "@/lib/domain/errors";
import type { Db, Prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { audit } from "@/lib/server/services/auth/audit";

/** A concept's name and each alias is a term, not a text; a concept has a handful of aliases, not a list. */
export const CONCEPT_LIMITS = { nameLength: 200, aliases: 50 };
export const nameSchema = z.string().trim().min(1, "is required").max(CONCEPT_LIMITS.nameLength, `must be at most ${CONCEPT_LIMITS.nameLength} characters`);
const TOO_MANY_ALIASES = `must have at most ${CONCEPT_LIMITS.aliases} aliases`;
export const aliasesSchema = z.array(nameSchema).max(CONCEPT_LIMITS.aliases, TOO_MANY_ALIASES);

export const conceptInput = z.object({
  discipline: z.string().min(1, "is required"),
  name: nameSchema,
  aliases: aliasesSchema.default([]),
  definition: z.string().trim().max(2000).nullable().optional(),
});
export const conceptPatch = z.object({
  name: nameSchema.optional(),
  aliases: aliasesSchema.optional(),
  definition: z.string().trim().max(2000).nullable().optional(),
});

/** Manual changes are marked, so re-extraction never replaces them. */
export const edited = (p: Principal) => ({ editedBy: p.userId, editedAt: new Date() });

async function assertFreeName(tx: Prisma.TransactionClient, disciplineId: string, key: string, exceptId?: string) {
  const clash = await tx.concept.findFirst({ where: { disciplineId, canonicalName: key, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true, name: true } });
  if (clash) throw new DomainError("CONFLICT", `The concept "${clash.name}" already has this name; merge the two instead`, { conceptId: clash.id, fields: [{ field: "name", message: "already used" }] });
}

export async function createConcept(db: Db, actor: Principal, input: z.infer<typeof conceptInput>) {
  return db.$transaction(async (tx) => {
    const discipline = await tx.discipline.findUnique({ where: { slug: input.discipline }, select: { id: true } });
    if (!discipline) throw new DomainError("BAD_INPUT", `No discipline "${input.discipline}"`, { fields: [{ field: "discipline", message: "does not exist" }] });
    const key = canonicalName(input.name);
    await assertFreeName(tx, discipline.id, key);
    const aliases = input.aliases.map(displayName);
    const concept = await tx.concept.create({
      data: { disciplineId: discipline.id, name: displayName(input.name), canonicalName: key, aliases, aliasKeys: aliases.map(canonicalName), definition: input.definition ?? null, extractor: "manual", ...edited(actor) },
    });
    await audit(tx, { action: "knowledge.created", actor, target: { type: "concept", id: concept.id }, details: { name: concept.name } });
    return concept;
  });
}

export async function updateConcept(db: Db, actor: Principal, id: string, patch: z.infer<typeof conceptPatch>) {
  return db.$transaction(async (tx) => {
    const before = await tx.concept.findUnique({ where: { id } });
    if (!before) throw new DomainError("NOT_FOUND", "No such concept");
    const data: Prisma.ConceptUpdateInput = { ...edited(actor) };
    if (patch.name !== undefined) {
      const key = canonicalName(patch.name);
      await assertFreeName(tx, before.disciplineId, key, id);
      Object.assign(data, { name: displayName(patch.name), canonicalName: key });
    }
    if (patch.aliases !== undefined) {
      const aliases = patch.aliases.map(displayName);
      Object.assign(data, { aliases, aliasKeys: aliases.map(canonicalName) });
    }
    if (patch.definition !== undefined) data.definition = patch.definition;
    const concept = await tx.concept.update({ where: { id }, data });
    const changed = Object.fromEntries(
      (["name", "aliases", "definition"] as const).filter((k) => patch[k] !== undefined).map((k) => [k, { from: before[k], to: concept[k] }]),
    );
    await audit(tx, { action: "knowledge.updated", actor, target: { type: "concept", id }, details: changed });
    return concept;
  });
}

/**
 * Merges `mergeId` into `keepId`: its relations move to the kept concept (a relation that would
 * then exist twice is folded into the existing one, chain steps included), its name and aliases
 * become aliases, and it is deleted.
 */
export async function mergeConcepts(db: Db, actor: Principal, keepId: string, mergeId: string) {
  if (keepId === mergeId) throw new DomainError("BAD_INPUT", "Choose two different concepts to merge");
  return db.$transaction(async (tx) => {
    const [keep, merge] = await Promise.all([tx.concept.findUnique({ where: { id: keepId } }), tx.concept.findUnique({ where: { id: mergeId } })]);
    if (!keep || !merge) throw new DomainError("NOT_FOUND", "No such concept");
    if (keep.disciplineId !== merge.disciplineId) throw new DomainError("BAD_INPUT", "Concepts of different disciplines cannot be merged");
    const aliases = [...new Set([...keep.aliases, merge.name, ...merge.aliases])].filter((a) => canonicalName(a) !== keep.canonicalName);
    if (aliases.length > CONCEPT_LIMITS.aliases) {
      throw new DomainError("BAD_INPUT", `Merging would give "${keep.name}" ${aliases.length} aliases, more than ${CONCEPT_LIMITS.aliases}: remove some first`, {
        fields: [{ field: "aliases", message: TOO_MANY_ALIASES }],
      });
    }
    const moving = await tx.relation.findMany({ where: { OR: [{ subjectId: mergeId }, { objectId: mergeId }] } });
    for (const r of moving) {
      const subjectId = r.subjectId === mergeId ? keepId : r.subjectId;
      const objectId = r.objectId === mergeId ? keepId : r.objectId;
      const twin = await tx.relation.findUnique({ where: { subjectId_predicate_objectId: { subjectId, predicate: r.predicate, objectId } } });
      if (subjectId === objectId || twin) {
        const steps = await tx.chainStep.count({ where: { relationId: r.id } });
        if (subjectId === objectId && steps > 0) {
          throw new DomainError("REACHABILITY_VIOLATION", `Merging would turn relation ${r.id} (used by a chain) into a loop from "${keep.name}" to itself`, { relationId: r.id });
        }
        if (twin) await tx.chainStep.updateMany({ where: { relationId: r.id }, data: { relationId: twin.id } });
        await tx.relation.delete({ where: { id: r.id } });
      } else {
        await tx.relation.update({ where: { id: r.id }, data: { subjectId, objectId } });
      }
    }
    const concept = await tx.concept.update({
      where: { id: keepId },
      data: { aliases, aliasKeys: aliases.map(canonicalName), definition: keep.definition ?? merge.definition, ...edited(actor) },
    });
    // What reviewers said about the duplicate is still about the concept it becomes.
    await tx.reviewComment.updateMany({ where: { conceptId: mergeId }, data: { conceptId: keepId } });
    await tx.concept.delete({ where: { id: mergeId } });
    await audit(tx, { action: "knowledge.merged", actor, target: { type: "concept", id: keepId }, details: { merged: { id: mergeId, name: merge.name }, relationsMoved: moving.length } });
    return concept;
  });
}
