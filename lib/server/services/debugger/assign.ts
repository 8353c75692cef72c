import { z } from "zod";
import { can, type Action } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/domain/errors";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { audit } from "@/lib/server/services/auth/audit";

export const assignInput = z.object({ assigneeId: z.string().min(1).nullable() });

/** What an annotator can be given in the Debugger, and who may take it. */
const KINDS = {
  patch: { permission: "patches:approve", noun: "patch", who: "review patches" },
  trace: { permission: "traces:review", noun: "failure trace", who: "review failure traces" },
} as const satisfies Record<string, { permission: Action; noun: string; who: string }>;
export type AssignableKind = keyof typeof KINDS;

const current = (db: Db, kind: AssignableKind, id: string) =>
  kind === "patch" ? db.patch.findUnique({ where: { id }, select: { assigneeId: true } }) : db.failureTrace.findUnique({ where: { id }, select: { assigneeId: true } });

/** Assigns a patch or a failure trace to someone active who may review it, or unassigns it (null); audited. */
export async function assignForReview(db: Db, actor: Principal | null, kind: AssignableKind, id: string, input: z.infer<typeof assignInput>) {
  const k = KINDS[kind];
  const before = await current(db, kind, id);
  if (!before) throw new DomainError("NOT_FOUND", `No ${k.noun} ${id}`);
  if (input.assigneeId) {
    const user = await db.user.findUnique({ where: { id: input.assigneeId }, select: { active: true, role: true } });
    if (!user?.active || !can(user.role, k.permission)) throw new DomainError("BAD_INPUT", "The assignee must be an active annotator or admin", { fields: [{ field: "assigneeId", message: `cannot ${k.who}` }] });
  }
  const data = { assigneeId: input.assigneeId };
  if (kind === "patch") await db.patch.update({ where: { id }, data });
  else await db.failureTrace.update({ where: { id }, data });
  await audit(db, { action: kind === "patch" ? "patch.assigned" : "trace.assigned", actor, target: { type: kind, id }, details: { from: before.assigneeId, to: input.assigneeId } });
  return { id, assigneeId: input.assigneeId };
}
