import { z } from "zod";
import { checkReachability, describeViolation } from "@/lib/domain/knowledge/reachability";
import { DomainError } from "@/lib/domain/errors";
import type { Db, Prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { audit } from "@/lib/server/services/auth/audit";
import { edited } from "./curate-concepts";

export const chainInput = z.object({
  relationIds: z.array(z.string().min(1)).min(2, "a chain needs at least 2 steps").max(8, "a chain has at most 8 steps"),
  summary: z.string().trim().max(1000).optional(),
});
export const chainPatch = z.object({ relationIds: chainInput.shape.relationIds.optional(), summary: z.string().trim().max(1000).nullable().optional() });

/**
 * The steps must be existing relations of one discipline that link (each step starts where the
 * previous ended); otherwise 422 REACHABILITY_VIOLATION with each problem in words.
 */
export async function validateSteps(tx: Prisma.TransactionClient, relationIds: string[], chainId = "new") {
  const relations = await tx.relation.findMany({ where: { id: { in: relationIds } }, select: { id: true, subjectId: true, predicate: true, objectId: true, disciplineId: true, status: true } });
  const report = checkReachability({
    conceptIds: relations.flatMap((r) => [r.subjectId, r.objectId]),
    relations,
    chains: [{ id: chainId, status: "DRAFT", steps: relationIds.map((relationId, position) => ({ position, relationId })) }],
  });
  // Say it with concept names, not ids: this message is shown to the curator.
  const conceptIds = [...new Set(relations.flatMap((r) => [r.subjectId, r.objectId]))];
  const names = new Map((await tx.concept.findMany({ where: { id: { in: conceptIds } }, select: { id: true, name: true } })).map((c) => [c.id, `“${c.name}”`]));
  const problems = report.violations.map((v) => describeViolation(v).replace(/\b[a-z0-9]{20,}\b/g, (id) => names.get(id) ?? id).replace(/^chain new: /, ""));
  // A rejected relation is no longer part of the structure: the chain would have a missing step.
  const rejected = relations.filter((r) => r.status === "REJECTED").map((r) => `step ${relationIds.indexOf(r.id) + 1} (${names.get(r.subjectId)} ${r.predicate} ${names.get(r.objectId)}) was rejected`);
  if (new Set(relations.map((r) => r.disciplineId)).size > 1) problems.push("the steps belong to different disciplines");
  if (problems.length || rejected.length) {
    throw new DomainError("REACHABILITY_VIOLATION", `The chain is not reachable: ${[...problems, ...rejected].join("; ")}`, { violations: report.violations, rejected });
  }
  return relations[0].disciplineId;
}

export async function createChain(db: Db, actor: Principal, input: z.infer<typeof chainInput>) {
  return db.$transaction(async (tx) => {
    const disciplineId = await validateSteps(tx, input.relationIds);
    const signature = input.relationIds.join(">");
    const twin = await tx.chain.findUnique({ where: { disciplineId_signature: { disciplineId, signature } }, select: { id: true } });
    if (twin) throw new DomainError("CONFLICT", "A chain with these steps already exists", { chainId: twin.id });
    const chain = await tx.chain.create({
      data: { disciplineId, signature, summary: input.summary ?? null, extractor: "manual", ...edited(actor), steps: { create: input.relationIds.map((relationId, position) => ({ position, relationId })) } },
    });
    await audit(tx, { action: "knowledge.created", actor, target: { type: "chain", id: chain.id }, details: { relationIds: input.relationIds } });
    return chain;
  });
}

export async function updateChain(db: Db, actor: Principal, id: string, patch: z.infer<typeof chainPatch>) {
  return db.$transaction(async (tx) => {
    const before = await tx.chain.findUnique({ where: { id }, include: { steps: { orderBy: { position: "asc" } } } });
    if (!before) throw new DomainError("NOT_FOUND", "No such chain");
    const data: Prisma.ChainUpdateInput = { ...edited(actor) };
    if (patch.summary !== undefined) data.summary = patch.summary;
    if (patch.relationIds) {
      await validateSteps(tx, patch.relationIds, id);
      data.signature = patch.relationIds.join(">");
      await tx.chainStep.deleteMany({ where: { chainId: id } });
      await tx.chainStep.createMany({ data: patch.relationIds.map((relationId, position) => ({ chainId: id, position, relationId })) });
    }
    const chain = await tx.chain.update({ where: { id }, data });
    await audit(tx, {
      action: "knowledge.updated",
      actor,
      target: { type: "chain", id },
      details: { ...(patch.relationIds ? { steps: { from: before.steps.map((s) => s.relationId), to: patch.relationIds } } : {}), ...(patch.summary !== undefined ? { summary: { from: before.summary, to: patch.summary } } : {}) },
    });
    return chain;
  });
}
