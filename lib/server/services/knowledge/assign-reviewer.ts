import type { z } from "zod";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { ROLE_INFO } from "@/lib/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import { reviewersView, type assignInput } from "@/lib/domain/knowledge/review-queue";
import type { Db } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { auditData } from "@/lib/server/services/auth/audit";
import { assertItemsExist, itemIdOf, itemRef, itemsIn } from "./review-items";

const USER_REF = { id: true, name: true, email: true } as const;

/** Active people whose role may take `action` (approving knowledge by default): whom an item can be assigned to. */
export async function listReviewers(db: Db, action: "knowledge:approve" | "patches:approve" | "traces:review" = "knowledge:approve") {
  const users = await db.user.findMany({
    where: { active: true, role: { in: [...PERMISSIONS[action]] } },
    select: { ...USER_REF, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return reviewersView.parse({ items: users });
}

/**
 * Assigns items of one level to a reviewer, or unassigns them (assigneeId null), in one
 * transaction: all or nothing, one audit event per item naming the assignee before and after.
 * `actor` null is the CLI acting as the local admin.
 */
export async function assignItems(db: Db, actor: Principal | null, input: z.infer<typeof assignInput>) {
  const ids = [...new Set(input.ids)];
  return db.$transaction(async (tx) => {
    const assignee = input.assigneeId ? await tx.user.findUnique({ where: { id: input.assigneeId }, select: { ...USER_REF, role: true, active: true } }) : null;
    if (input.assigneeId) {
      const why = !assignee ? "is not a user" : !assignee.active ? "is deactivated" : !can(assignee.role, "knowledge:approve") ? `may not review knowledge (${ROLE_INFO[assignee.role].label})` : null;
      if (why) throw new DomainError("BAD_INPUT", `The assignee ${why}`, { fields: [{ field: "assigneeId", message: why }] });
    }
    await assertItemsExist(tx, input.level, ids);
    const where = itemsIn(input.level, ids);
    const before = await tx.reviewAssignment.findMany({ where, select: { conceptId: true, relationId: true, chainId: true, assignee: { select: { email: true } } } });
    const previous = new Map(before.map((a) => [itemIdOf(a), a.assignee.email]));
    await tx.reviewAssignment.deleteMany({ where });
    if (assignee) await tx.reviewAssignment.createMany({ data: ids.map((id) => ({ ...itemRef(input.level, id), assigneeId: assignee.id })) });
    await tx.auditEvent.createMany({
      data: ids.map((id) =>
        auditData({ action: "knowledge.assigned", actor, target: { type: input.level, id }, details: { assignee: assignee?.email ?? null, previous: previous.get(id) ?? null } }),
      ),
    });
    return { updated: ids.length, assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email } : null };
  });
}
