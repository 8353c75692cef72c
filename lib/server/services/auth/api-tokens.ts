import { randomBytes } from "node:crypto";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { hashToken, TOKEN_PREFIX, type Principal } from "@/lib/server/auth/principal";
import { audit } from "./audit";

export const createTokenInput = z.object({ name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters") });
const PUBLIC_TOKEN = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function listTokens(db: Db, principal: Principal) {
  return db.apiToken.findMany({ where: { userId: principal.userId }, select: PUBLIC_TOKEN, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
}

/** Creates a token for the caller; the plain token is in this answer and nowhere else, ever. */
export async function createToken(db: Db, principal: Principal, input: z.infer<typeof createTokenInput>, ip: string | null) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: principal.userId, name: input.name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), hash: hashToken(token) },
      select: PUBLIC_TOKEN,
    });
    await audit(tx, { action: "token.created", actor: principal, subject: principal.email, target: { type: "api-token", id: row.id }, ip, details: { name: row.name } });
    return { ...row, token };
  });
}

/** Revokes one's own token (admins may revoke anyone's). */
export async function revokeToken(db: Db, principal: Principal, id: string, ip: string | null) {
  const row = await db.apiToken.findUnique({ where: { id }, select: { ...PUBLIC_TOKEN, userId: true, user: { select: { email: true } } } });
  if (!row || (row.userId !== principal.userId && !can(principal.role, "users:manage"))) throw new DomainError("NOT_FOUND", "No such token");
  if (row.revokedAt) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(tx, { action: "token.revoked", actor: principal, subject: row.user.email, target: { type: "api-token", id }, ip, details: { name: row.name } });
  });
  return { ok: true };
}
