import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/server/db";
import { MIN_PASSWORD } from "@/lib/server/auth/better-auth";
import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().email("must be an email address");
export const passwordSchema = z.string().min(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`).max(256, "must be at most 256 characters");
export const nameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** What of a user may leave the server: never the password hash, which lives in Account. */
export const PUBLIC_USER = { id: true, name: true, email: true, role: true, active: true, createdAt: true } as const;
export type PublicUser = Prisma.UserGetPayload<{ select: typeof PUBLIC_USER }>;

/**
 * Creates a user with a password as better-auth stores it (a "credential" account with an
 * scrypt hash), so better-auth signs them in like any other user.
 */
export async function createAccount(tx: Prisma.TransactionClient, input: { email: string; name: string; password: string; role: Role }): Promise<PublicUser> {
  const email = input.email.toLowerCase();
  const taken = () => new DomainError("CONFLICT", `A user with the email ${email} already exists`, { fields: [{ field: "email", message: "already in use" }] });
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw taken();
  // Another request may create the same email between the check and the insert.
  const user = await tx.user.create({ data: { email, name: input.name, role: input.role, emailVerified: true }, select: PUBLIC_USER }).catch((e: unknown) => {
    throw (e as { code?: string }).code === "P2002" ? taken() : e;
  });
  await tx.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(input.password) },
  });
  return user;
}
