import type { Db, Prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";

/** The actions the audit log records; later issues add knowledge and patch decisions. */
export const AUDIT_ACTIONS = [
  "auth.setup",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.password_changed",
  "auth.password_change_failed",
  "user.created",
  "user.invited",
  "user.invitation_revoked",
  "user.invitation_accepted",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "token.created",
  "token.revoked",
  "settings.endpoint_saved",
  "settings.endpoint_deleted",
  "knowledge.created",
  "knowledge.updated",
  "knowledge.reviewed",
  "knowledge.merged",
  "knowledge.deleted",
  "knowledge.imported",
  "knowledge.assigned",
  "knowledge.commented",
  "benchmark.frozen",
  "benchmark.versioned",
  "benchmark.item_edited",
  "training_set.approved",
  "model.registered",
  "patch.edited",
  "patch.commented",
  "patch.assigned",
  "trace.assigned",
  "patch.approved",
  "patch.rejected",
  "patches.applied",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  action: AuditAction;
  actor?: Pick<Principal, "userId" | "email"> | null;
  subject?: string | null;
  target?: { type: string; id: string } | null;
  ip?: string | null;
  /** Never a password, token or secret: only what a reviewer needs to read. */
  details?: Record<string, unknown>;
};

type Client = Db | Prisma.TransactionClient;

/** The row an audit event is stored as. */
export function auditData(e: AuditInput) {
  return {
    action: e.action,
    actorId: e.actor?.userId ?? null,
    actorEmail: e.actor?.email ?? null,
    subject: e.subject ?? null,
    targetType: e.target?.type ?? null,
    targetId: e.target?.id ?? null,
    ip: e.ip ?? null,
    details: (e.details ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

export async function audit(db: Client, e: AuditInput) {
  await db.auditEvent.create({ data: auditData(e) });
}
