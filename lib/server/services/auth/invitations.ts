import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { hashToken, type Principal } from "@/lib/server/auth/principal";
import { audit } from "./audit";
import { createAccount, emailSchema, nameSchema, passwordSchema, type PublicUser } from "./accounts";

export const INVITATION_DAYS = 7;
export const inviteInput = z.object({ email: emailSchema, role: z.enum(ROLES) });
export const acceptInput = z.object({ token: z.string().min(1, "is required"), name: nameSchema, password: passwordSchema });

const PUBLIC_INVITATION = { id: true, email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true } as const;

export async function listInvitations(db: Db) {
  return db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { ...PUBLIC_INVITATION, invitedBy: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Invites someone with a role. There is no mail server in a local studio: the admin gets the
 * link once and passes it on; only its hash is stored.
 */
export async function invite(db: Db, actor: Principal, input: z.infer<typeof inviteInput>, ip: string | null) {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("CONFLICT", `${input.email} already has an account`, { fields: [{ field: "email", message: "already has an account" }] });
  }
  const token = randomBytes(24).toString("base64url");
  return db.$transaction(async (tx) => {
    // A new invitation for the same email replaces the open ones.
    await tx.invitation.updateMany({ where: { email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const invitation = await tx.invitation.create({
      data: { email: input.email, role: input.role, hash: hashToken(token), invitedById: actor.userId, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) },
      select: PUBLIC_INVITATION,
    });
    await audit(tx, { action: "user.invited", actor, subject: input.email, target: { type: "invitation", id: invitation.id }, ip, details: { role: input.role } });
    return { invitation, path: `/invite/${token}` };
  });
}

export async function revokeInvitation(db: Db, actor: Principal, id: string, ip: string | null) {
  const inv = await db.invitation.findUnique({ where: { id }, select: PUBLIC_INVITATION });
  if (!inv) throw new DomainError("NOT_FOUND", "No such invitation");
  await db.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(tx, { action: "user.invitation_revoked", actor, subject: inv.email, target: { type: "invitation", id }, ip });
  });
  return { ok: true };
}

const alreadyUsed = () => new DomainError("CONFLICT", "This invitation was already used; sign in instead");

async function openInvitation(db: Pick<Db, "invitation">, token: string) {
  const inv = await db.invitation.findUnique({ where: { hash: hashToken(token) }, select: PUBLIC_INVITATION });
  if (!inv || inv.revokedAt) throw new DomainError("NOT_FOUND", "This invitation link is not valid; ask an admin for a new one");
  if (inv.acceptedAt) throw alreadyUsed();
  if (inv.expiresAt < new Date()) throw new DomainError("NOT_FOUND", "This invitation has expired; ask an admin for a new one");
  return inv;
}

/** What the invitation page shows before the person chooses a name and password. */
export async function describeInvitation(db: Db, token: string) {
  const { email, role, expiresAt } = await openInvitation(db, token);
  return { email, role, expiresAt };
}

/**
 * Creates the invited account. The invitation is claimed first with a conditional update: of
 * several acceptances at once, one claims it and the others, once it commits, find it used (409).
 */
export async function acceptInvitation(db: Db, input: z.infer<typeof acceptInput>, ip: string | null): Promise<PublicUser> {
  return db.$transaction(async (tx) => {
    const inv = await openInvitation(tx, input.token);
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw alreadyUsed();
    const user = await createAccount(tx, { email: inv.email, name: input.name, password: input.password, role: inv.role });
    await audit(tx, { action: "user.invitation_accepted", actor: { userId: user.id, email: user.email }, subject: user.email, target: { type: "user", id: user.id }, ip, details: { role: user.role } });
    return user;
  });
}
