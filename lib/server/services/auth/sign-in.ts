import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { auth } from "@/lib/server/auth/better-auth";
import { cookieOnly, type Principal } from "@/lib/server/auth/principal";
import { audit } from "./audit";
import { PUBLIC_USER, type PublicUser } from "./accounts";
import { beginAttempt, type ThrottleKey } from "./throttle";

/**
 * Free failures before the backoff starts: for this account from this address; for this account
 * from addresses it has not signed in from lately (a guesser spreading over many addresses); for
 * this address over all accounts (a guesser trying many accounts).
 */
export const SIGN_IN_THROTTLE = { perPair: 3, perAccount: 10, perAddress: 20, knownAddressDays: 30 };
const FAILED = "auth.sign_in_failed";

async function signInKeys(db: Db, email: string, ip: string | null): Promise<ThrottleKey[]> {
  const account: ThrottleKey = { free: SIGN_IN_THROTTLE.perAccount, where: { action: FAILED, subject: email } };
  if (!ip) return [account];
  const since = new Date(Date.now() - SIGN_IN_THROTTLE.knownAddressDays * 86_400_000);
  const lastSignIn = await db.auditEvent.findFirst({ where: { action: "auth.sign_in", subject: email, ip, at: { gte: since } }, orderBy: { at: "desc" }, select: { at: true } });
  const pair: ThrottleKey = { free: SIGN_IN_THROTTLE.perPair, where: { action: FAILED, subject: email, ip }, since: lastSignIn?.at };
  // From an address the account signed in from lately only that address's own failures count:
  // a guesser elsewhere, or trying other accounts from here, cannot keep the owner out.
  if (lastSignIn) return [pair];
  return [pair, account, { free: SIGN_IN_THROTTLE.perAddress, where: { action: FAILED, ip } }];
}

// Verified against when the email is unknown, so that every failure costs one hash.
let dummyHash: Promise<string> | null = null;

/** The user of an email and whether the password is theirs, in the same time whether or not there is one. */
async function checkPassword(db: Db, email: string, password: string) {
  const found = await db.user.findUnique({ where: { email }, select: { ...PUBLIC_USER, accounts: { where: { providerId: "credential" }, select: { password: true } } } });
  const hash = found?.accounts[0]?.password ?? (await (dummyHash ??= hashPassword(randomBytes(24).toString("base64url"))));
  const matches = await verifyPassword({ hash, password });
  if (!found) return { user: null, matches: false };
  const { accounts, ...user } = found;
  return { user, matches: matches && accounts.length > 0 };
}

/**
 * Signs in with email and password. Returns the user and the Set-Cookie headers of the new
 * session; better-auth's response body (which carries the session token) is not passed on.
 * Every failure takes the same steps (one lookup, one password hash), so an unknown email, a
 * wrong password and a deactivated account cannot be told apart by time, nor a deactivated
 * account by its answer unless the password is right.
 */
export async function signIn(db: Db, input: { email: string; password: string }, ip: string | null): Promise<{ user: PublicUser; cookies: string[] }> {
  const email = input.email.trim().toLowerCase();
  const attempt = await beginAttempt(db, { action: FAILED, subject: email, ip }, await signInKeys(db, email, ip), "failed sign-ins");
  const fail = async (reason: string) => {
    await attempt.failed(reason);
    return new DomainError("UNAUTHENTICATED", "Wrong email or password");
  };
  const { user, matches } = await checkPassword(db, email, input.password);
  if (!user) throw await fail("unknown email");
  if (!matches) throw await fail("wrong password");
  if (!user.active) {
    await attempt.failed("deactivated");
    throw new DomainError("FORBIDDEN", "This account is deactivated; ask an admin");
  }
  // better-auth checks the password again (a second hash, on success only) as it makes the session.
  const res = await auth().api.signInEmail({ body: { email, password: input.password, rememberMe: true }, asResponse: true });
  if (!res.ok) throw await fail("wrong password");
  await attempt.succeeded({ action: "auth.sign_in", actor: { userId: user.id, email } });
  return { user, cookies: res.headers.getSetCookie() };
}

/** Ends the cookie session (if any) and returns the Set-Cookie headers that clear it. */
export async function signOut(db: Db, headers: Headers, principal: Principal | null, ip: string | null): Promise<string[]> {
  const res = await auth().api.signOut({ headers: cookieOnly(headers), asResponse: true }).catch(() => null);
  if (principal?.via === "session") await audit(db, { action: "auth.sign_out", actor: principal, subject: principal.email, ip });
  return res?.headers.getSetCookie() ?? [];
}
