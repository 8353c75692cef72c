import { z } from "zod";
import { normalisePredicate } from "@/lib/domain/knowledge/canonical";
import { DomainError } from "@/lib/domain/errors";
import type { Db, Prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { audit } from "@/lib/server/services/auth/audit";
import { edited } from "./curate-concepts";
import { vocabularyOf } from "./vocabulary";

export const relationInput = z.object({
  subjectId: z.string().min(1, "is required"),
  predicate: z.string().min(1, "is required"),
  objectId: z.string().min(1, "is required"),
  evidence: z.string().trim().max(2000).default(""),
});
export const relationPatch = relationInput.partial();

/** Both ends must exist in one discipline, the predicate must be in its vocabulary: else 422 naming what is missing. */
async function resolveEnds(tx: Prisma.TransactionClient, input: { subjectId: string; objectId: string; predicate: string }) {
  const ends = await tx.concept.findMany({ where: { id: { in: [input.subjectId, input.objectId] } }, select: { id: true, disciplineId: true } });
  const missing = [input.subjectId, input.objectId].filter((id) => !ends.some((c) => c.id === id));
  if (missing.length) throw new DomainError("REACHABILITY_VIOLATION", `A relation's ends must be existing concepts; missing: ${missing.join(", ")}`, { missingConcepts: missing });
  if (input.subjectId === input.objectId) throw new DomainError("BAD_INPUT", "A relation needs two different concepts", { fields: [{ field: "objectId", message: "equals the subject" }] });
  if (ends[0].disciplineId !== ends[ends.length - 1].disciplineId) throw new DomainError("BAD_INPUT", "Both concepts must belong to the same discipline");
  const vocabulary = await vocabularyOf(tx, ends[0].disciplineId);
  const p = normalisePredicate(input.predicate, vocabulary);
  if (!p || p.inverted) {
    throw new DomainError("BAD_INPUT", `"${input.predicate}" is not a predicate of this discipline's vocabulary`, { fields: [{ field: "predicate", message: `use one of ${vocabulary.map((v) => v.name).join(", ")}` }] });
  }
  return { disciplineId: ends[0].disciplineId, predicate: p.name };
}

async function assertUnique(tx: Prisma.TransactionClient, subjectId: string, predicate: string, objectId: string, exceptId?: string) {
  const twin = await tx.relation.findUnique({ where: { subjectId_predicate_objectId: { subjectId, predicate, objectId } }, select: { id: true } });
  if (twin && twin.id !== exceptId) throw new DomainError("CONFLICT", "This relation already exists", { relationId: twin.id });
}

export async function createRelation(db: Db, actor: Principal, input: z.infer<typeof relationInput>) {
  return db.$transaction(async (tx) => {
    const { disciplineId, predicate } = await resolveEnds(tx, input);
    await assertUnique(tx, input.subjectId, predicate, input.objectId);
    const relation = await tx.relation.create({
      data: { disciplineId, subjectId: input.subjectId, predicate, objectId: input.objectId, evidence: input.evidence, extractor: "manual", ...edited(actor) },
    });
    await audit(tx, { action: "knowledge.created", actor, target: { type: "relation", id: relation.id }, details: { subjectId: relation.subjectId, predicate, objectId: relation.objectId } });
    return relation;
  });
}

/** Changing the ends of a relation that chains use would break their links: refused (422). */
export async function updateRelation(db: Db, actor: Principal, id: string, patch: z.infer<typeof relationPatch>) {
  return db.$transaction(async (tx) => {
    const before = await tx.relation.findUnique({ where: { id } });
    if (!before) throw new DomainError("NOT_FOUND", "No such relation");
    const next = { subjectId: patch.subjectId ?? before.subjectId, objectId: patch.objectId ?? before.objectId, predicate: patch.predicate ?? before.predicate };
    const { predicate } = await resolveEnds(tx, next);
    if (next.subjectId !== before.subjectId || next.objectId !== before.objectId) {
      const chains = await tx.chainStep.findMany({ where: { relationId: id }, select: { chainId: true }, distinct: ["chainId"] });
      if (chains.length) {
        throw new DomainError("REACHABILITY_VIOLATION", `Chains ${chains.map((c) => c.chainId).join(", ")} use this relation; changing its concepts would break them`, { chains: chains.map((c) => c.chainId) });
      }
    }
    await assertUnique(tx, next.subjectId, predicate, next.objectId, id);
    const relation = await tx.relation.update({ where: { id }, data: { ...next, predicate, ...(patch.evidence !== undefined ? { evidence: patch.evidence } : {}), ...edited(actor) } });
    await audit(tx, { action: "knowledge.updated", actor, target: { type: "relation", id }, details: { from: pick(before), to: pick(relation) } });
    return relation;
  });
}
const pick = (r: { subjectId: string; predicate: string; objectId: string; evidence: string }) => ({ subjectId: r.subjectId, predicate: r.predicate, objectId: r.objectId, evidence: r.evidence });

/**
 * Deletes a relation. Refused (422, naming them) when an approved chain uses it; draft or
 * rejected chains that use it are deleted with it, since they could no longer be reached.
 */
export async function deleteRelation(db: Db, actor: Principal, id: string) {
  return db.$transaction(async (tx) => {
    const relation = await tx.relation.findUnique({ where: { id } });
    if (!relation) throw new DomainError("NOT_FOUND", "No such relation");
    const chains = await tx.chain.findMany({ where: { steps: { some: { relationId: id } } }, select: { id: true, status: true, summary: true } });
    const approved = chains.filter((c) => c.status === "APPROVED");
    if (approved.length) {
      throw new DomainError("REACHABILITY_VIOLATION", `Approved chains use this relation: ${approved.map((c) => c.summary ?? c.id).join("; ")}. Remove it from them first.`, {
        chains: approved.map((c) => c.id),
      });
    }
    await tx.chain.deleteMany({ where: { id: { in: chains.map((c) => c.id) } } });
    await tx.relation.delete({ where: { id } });
    await audit(tx, { action: "knowledge.deleted", actor, target: { type: "relation", id }, details: { ...pick(relation), chainsDeleted: chains.map((c) => c.id) } });
    return { ok: true, chainsDeleted: chains.map((c) => c.id) };
  });
}
