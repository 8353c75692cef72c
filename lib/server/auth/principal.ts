import { createHash } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { readThrough } from "@/lib/server/change-feed";
import { auth } from "./better-auth";

/** Who is calling: a signed-in user (cookie session) or a script with an API token. */
export type Principal = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** "cli": `proda … --as <email>`, on the machine that holds the database */
  via: "session" | "token" | "cli";
  tokenId?: string;
};

export const TOKEN_PREFIX = "proda_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
// Writing last-used on every request would turn reads into writes; a minute is precise enough.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves the caller of a request. A Bearer token, when sent, must be valid (no fall-back to
 * the cookie); a deactivated user's sessions and tokens stop working at once.
 */
export async function resolvePrincipal(db: Db, headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization) return tokenPrincipal(db, authorization);
  const session = await auth().api.getSession({ headers: cookieOnly(headers) });
  if (!session) return null;
  const user = await db.user.findUnique({ where: { id: session.user.id }, select: { id: true, email: true, name: true, role: true, active: true, lastSeenAt: true } });
  if (!user?.active) return null;
  await markSeen(db, user.id, user.lastSeenAt);
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

/**
 * A token's principal, from the cache of the auth change group (lib/server/change-feed.ts):
 * a revocation, deactivation or role change anywhere clears it at commit. An entry lives a
 * minute at most, so last use is still written about once a minute.
 */
async function tokenPrincipal(db: Db, authorization: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new DomainError("UNAUTHENTICATED", "The Authorization header must be `Bearer <token>`");
  const hash = hashToken(match[1]);
  return readThrough("auth", hash, () => lookUpToken(db, hash), LAST_USED_RESOLUTION_MS);
}

async function lookUpToken(db: Db, hash: string): Promise<Principal> {
  const token = await db.apiToken.findUnique({
    where: { hash },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!token || token.revokedAt || !token.user.active) {
    throw new DomainError("UNAUTHENTICATED", "The API token is invalid, revoked, or belongs to a deactivated user");
  }
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    await markSeen(db, token.user.id, null);
  }
  const { user } = token;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "token", tokenId: token.id };
}

/** "Last seen" on the Users page: the last request, not the sign-in; written at most once a minute. */
async function markSeen(db: Db, userId: string, lastSeenAt: Date | null) {
  if (lastSeenAt && Date.now() - lastSeenAt.getTime() <= LAST_USED_RESOLUTION_MS) return;
  await db.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() }, select: { id: true } });
}

/** better-auth only needs the cookie; other headers (Origin) are checked by us, once. */
export function cookieOnly(headers: Headers): Headers {
  const out = new Headers();
  const cookie = headers.get("cookie");
  if (cookie) out.set("cookie", cookie);
  return out;
}
