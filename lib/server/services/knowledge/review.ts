import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { reviewLevel, reviewResultView } from "@/lib/domain/knowledge/review-queue";
import type { ReviewStatus } from "@/lib/domain/knowledge/views";
import type { Db, Prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { validateSteps } from "./curate-chains";

export const reviewInput = z.object({
  level: reviewLevel,
  ids: z.array(z.string().min(1)).min(1, "name at least one item").max(5000),
  status: z.enum(["DRAFT", "APPROVED", "REJECTED"]),
});

/**
 * Sets the review status of items, singly or in bulk, in one transaction: all or nothing.
 * Approving a chain checks its reachability first; rejecting a relation that an approved chain
 * uses is refused. Both refusals are 422 and name the items. The answer says what each item's
 * status was before, grouped by status, so an undo can put every item back as it was.
 */
export async function reviewItems(db: Db, actor: Principal, input: z.infer<typeof reviewInput>) {
  const ids = [...new Set(input.ids)];
  return db.$transaction(async (tx) => {
    const now = { status: input.status, editedBy: actor.userId, editedAt: new Date() };
    const before = await statusesOf(tx, input.level, ids);
    let count = 0;
    if (input.level === "chain") {
      if (input.status === "APPROVED") {
        const chains = await tx.chain.findMany({ where: { id: { in: ids } }, select: { id: true, steps: { orderBy: { position: "asc" }, select: { relationId: true } } } });
        for (const c of chains) await validateSteps(tx, c.steps.map((s) => s.relationId), c.id);
      }
      count = (await tx.chain.updateMany({ where: { id: { in: ids } }, data: now })).count;
    } else if (input.level === "relation") {
      if (input.status === "REJECTED") {
        const used = await tx.chain.findMany({ where: { status: "APPROVED", steps: { some: { relationId: { in: ids } } } }, select: { id: true } });
        if (used.length) throw new DomainError("REACHABILITY_VIOLATION", `Approved chains use these relations: ${used.map((c) => c.id).join(", ")}`, { chains: used.map((c) => c.id) });
      }
      count = (await tx.relation.updateMany({ where: { id: { in: ids } }, data: now })).count;
    } else {
      count = (await tx.concept.updateMany({ where: { id: { in: ids } }, data: now })).count;
    }
    if (count !== ids.length) throw new DomainError("NOT_FOUND", `${ids.length - count} of the ${input.level}s do not exist`);
    await tx.auditEvent.createMany({
      data: ids.map((id) => ({ action: "knowledge.reviewed", actorId: actor.userId, actorEmail: actor.email, targetType: input.level, targetId: id, details: { status: input.status } })),
    });
    const previous = new Map<ReviewStatus, string[]>();
    for (const b of before) previous.set(b.status, [...(previous.get(b.status) ?? []), b.id]);
    return reviewResultView.parse({ updated: count, status: input.status, previous: [...previous].map(([status, ids]) => ({ status, ids })) });
  });
}

function statusesOf(tx: Prisma.TransactionClient, level: z.infer<typeof reviewLevel>, ids: string[]): Promise<{ id: string; status: ReviewStatus }[]> {
  const args = { where: { id: { in: ids } }, select: { id: true, status: true } } as const;
  return level === "concept" ? tx.concept.findMany(args) : level === "relation" ? tx.relation.findMany(args) : tx.chain.findMany(args);
}

/** An item's history: every audit event about it, newest first. */
export async function itemHistory(db: Db, type: "concept" | "relation" | "chain", id: string) {
  const rows = await db.auditEvent.findMany({ where: { targetType: type, targetId: id }, orderBy: { id: "desc" }, take: 200 });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
