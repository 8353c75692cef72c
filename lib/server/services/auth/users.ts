import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import type { Db, Prisma } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { audit } from "./audit";
import { createAccount, emailSchema, nameSchema, passwordSchema, PUBLIC_USER, type PublicUser } from "./accounts";

export const createUserInput = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema, role: z.enum(ROLES) });
export const updateUserInput = z
  .object({ name: nameSchema.optional(), role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, "send at least one of name, role, active");

export async function listUsers(db: Db) {
  return db.user.findMany({ select: { ...PUBLIC_USER, lastSeenAt: true }, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
}

export async function createUser(db: Db, actor: Principal, input: z.infer<typeof createUserInput>, ip: string | null): Promise<PublicUser> {
  return db.$transaction(async (tx) => {
    const user = await createAccount(tx, input);
    await audit(tx, { action: "user.created", actor, subject: user.email, target: { type: "user", id: user.id }, ip, details: { role: user.role } });
    return user;
  });
}

/** The workspace must keep one active admin, or nobody could manage it again. */
async function assertAnotherAdmin(tx: Prisma.TransactionClient, userId: string) {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) throw new DomainError("CONFLICT", "This is the last active admin: make another user admin first");
}

/**
 * Renames, changes the role of, deactivates or reactivates a user. Deactivation deletes the
 * user's sessions and revokes their API tokens in the same transaction, for good: reactivation
 * gives back the account, not the keys someone may have copied meanwhile.
 */
export async function updateUser(db: Db, actor: Principal, id: string, input: z.infer<typeof updateUserInput>, ip: string | null): Promise<PublicUser> {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: PUBLIC_USER });
    if (!before) throw new DomainError("NOT_FOUND", "No such user");
    const demotes = input.role !== undefined && input.role !== "ADMIN" && before.role === "ADMIN";
    const deactivates = input.active === false && before.active;
    if ((demotes || deactivates) && before.active && before.role === "ADMIN") await assertAnotherAdmin(tx, id);
    const user = await tx.user.update({ where: { id }, data: input, select: PUBLIC_USER });
    const target = { type: "user", id };
    if (input.role !== undefined && input.role !== before.role) {
      await audit(tx, { action: "user.role_changed", actor, subject: user.email, target, ip, details: { from: before.role, to: user.role } });
    }
    if (deactivates) {
      const sessions = await tx.session.deleteMany({ where: { userId: id } });
      const tokens = await tx.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      await audit(tx, { action: "user.deactivated", actor, subject: user.email, target, ip, details: { sessionsEnded: sessions.count, tokensRevoked: tokens.count } });
    }
    if (input.active === true && !before.active) await audit(tx, { action: "user.reactivated", actor, subject: user.email, target, ip });
    return user;
  });
}
