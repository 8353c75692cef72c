import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { auth } from "@/lib/server/auth/better-auth";
import { cookieOnly, type Principal } from "@/lib/server/auth/principal";
import { audit } from "./audit";
import { PUBLIC_USER, type PublicUser } from "./accounts";

// At most this many failed attempts per account, and per address, in the window.
export const SIGN_IN_LIMIT = { perAccount: 5, perIp: 20, windowMinutes: 15 };

/** Too many recent failures (counted in the audit log, so every web process agrees) → 429. */
async function assertNotThrottled(db: Db, email: string, ip: string | null) {
  const since = new Date(Date.now() - SIGN_IN_LIMIT.windowMinutes * 60_000);
  const [forAccount, forIp] = await Promise.all([
    db.auditEvent.count({ where: { action: "auth.sign_in_failed", subject: email, at: { gte: since } } }),
    ip ? db.auditEvent.count({ where: { action: "auth.sign_in_failed", ip, at: { gte: since } } }) : 0,
  ]);
  if (forAccount >= SIGN_IN_LIMIT.perAccount || forIp >= SIGN_IN_LIMIT.perIp) {
    throw new DomainError("RATE_LIMITED", `Too many failed sign-ins; try again in ${SIGN_IN_LIMIT.windowMinutes} minutes`, {
      retryAfterSeconds: SIGN_IN_LIMIT.windowMinutes * 60,
    });
  }
}

/**
 * Signs in with email and password. Returns the user and the Set-Cookie headers of the new
 * session; better-auth's response body (which carries the session token) is not passed on.
 */
export async function signIn(db: Db, input: { email: string; password: string }, ip: string | null): Promise<{ user: PublicUser; cookies: string[] }> {
  const email = input.email.trim().toLowerCase();
  await assertNotThrottled(db, email, ip);
  const fail = async (reason: string) => {
    await audit(db, { action: "auth.sign_in_failed", subject: email, ip, details: { reason } });
    return new DomainError("UNAUTHENTICATED", "Wrong email or password");
  };
  const user = await db.user.findUnique({ where: { email }, select: PUBLIC_USER });
  if (!user) throw await fail("unknown email");
  if (!user.active) {
    await audit(db, { action: "auth.sign_in_failed", subject: email, ip, details: { reason: "deactivated" } });
    throw new DomainError("FORBIDDEN", "This account is deactivated; ask an admin");
  }
  const res = await auth().api.signInEmail({ body: { email, password: input.password, rememberMe: true }, asResponse: true });
  if (!res.ok) throw await fail("wrong password");
  await audit(db, { action: "auth.sign_in", actor: { userId: user.id, email }, subject: email, ip });
  return { user, cookies: res.headers.getSetCookie() };
}

/** Ends the cookie session (if any) and returns the Set-Cookie headers that clear it. */
export async function signOut(db: Db, headers: Headers, principal: Principal | null, ip: string | null): Promise<string[]> {
  const res = await auth().api.signOut({ headers: cookieOnly(headers), asResponse: true }).catch(() => null);
  if (principal?.via === "session") await audit(db, { action: "auth.sign_out", actor: principal, subject: principal.email, ip });
  return res?.headers.getSetCookie() ?? [];
}
