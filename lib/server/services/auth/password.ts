import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { auth } from "@/lib/server/auth/better-auth";
import { cookieOnly, type Principal } from "@/lib/server/auth/principal";
import { audit } from "./audit";
import { passwordSchema } from "./accounts";

export const changePasswordInput = z.object({ currentPassword: z.string().min(1, "is required"), newPassword: passwordSchema });

/** Changes the signed-in user's password and ends their other sessions; returns the new session's cookies. */
export async function changePassword(db: Db, principal: Principal, headers: Headers, input: z.infer<typeof changePasswordInput>, ip: string | null) {
  if (principal.via !== "session") throw new DomainError("FORBIDDEN", "Change your password in the studio, not with an API token");
  const res = await auth().api.changePassword({
    body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
    headers: cookieOnly(headers),
    asResponse: true,
  });
  if (!res.ok) {
    throw new DomainError("BAD_INPUT", "The current password is wrong", { fields: [{ field: "currentPassword", message: "is wrong" }] });
  }
  await audit(db, { action: "auth.password_changed", actor: principal, subject: principal.email, ip });
  return res.headers.getSetCookie();
}
