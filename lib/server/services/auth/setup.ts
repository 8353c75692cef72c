import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { audit } from "./audit";
import { createAccount, emailSchema, nameSchema, passwordSchema, type PublicUser } from "./accounts";

export const setupInput = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

export async function setupRequired(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** The first visit creates the admin; once any user exists this is refused (409). */
export async function createFirstAdmin(db: Db, input: z.infer<typeof setupInput>, ip: string | null): Promise<PublicUser> {
  return db.$transaction(async (tx) => {
    // Two first visits at once: the lock makes one of them see the other's admin.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('proda:setup'))`;
    if ((await tx.user.count()) > 0) throw new DomainError("CONFLICT", "The studio already has an admin; sign in instead");
    const user = await createAccount(tx, { ...input, role: "ADMIN" });
    await audit(tx, { action: "auth.setup", actor: { userId: user.id, email: user.email }, subject: user.email, target: { type: "user", id: user.id }, ip });
    return user;
  });
}
