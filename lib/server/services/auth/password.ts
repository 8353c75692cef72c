import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { auth } from "@/lib/server/auth/better-auth";
import { cookieOnly, type Principal } from "@/lib/server/auth/principal";
import { passwordSchema } from "./accounts";
import { beginAttempt } from "./throttle";

/** Free wrong current passwords before the backoff: a stolen session must not become a password oracle. */
export const PASSWORD_CHANGE_FREE_FAILURES = 3;

export const changePasswordInput = z.object({ currentPassword: z.string().min(1, "is required"), newPassword: passwordSchema });

/** Changes the signed-in user's password and ends their other sessions; returns the new session's cookies. */
export async function changePassword(db: Db, principal: Principal, headers: Headers, input: z.infer<typeof changePasswordInput>, ip: string | null) {
  if (principal.via !== "session") throw new DomainError("FORBIDDEN", "Change your password in the studio, not with an API token");
  const failure = { action: "auth.password_change_failed", actor: principal, subject: principal.email, ip } as const;
  const keys = [{ free: PASSWORD_CHANGE_FREE_FAILURES, where: { action: failure.action, subject: principal.email } }];
  const attempt = await beginAttempt(db, failure, keys, "wrong current passwords");
  const res = await auth().api.changePassword({
    body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
    headers: cookieOnly(headers),
    asResponse: true,
  });
  if (!res.ok) {
    await attempt.failed("wrong current password");
    throw new DomainError("BAD_INPUT", "The current password is wrong", { fields: [{ field: "currentPassword", message: "is wrong" }] });
  }
  await attempt.succeeded({ action: "auth.password_changed", actor: principal });
  return res.headers.getSetCookie();
}
