import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as accountTokens from "@/app/api/account/tokens/route";
import * as accountToken from "@/app/api/account/tokens/[id]/route";
import * as password from "@/app/api/account/password/route";
import * as auditRoute from "@/app/api/audit/route";
import * as stats from "@/app/api/corpus/stats/route";
import * as imports from "@/app/api/corpus/imports/route";
import * as invitations from "@/app/api/invitations/route";
import * as accept from "@/app/api/invitations/accept/route";
import * as session from "@/app/api/session/route";
import * as setup from "@/app/api/setup/route";
import * as users from "@/app/api/users/route";
import * as user from "@/app/api/users/[id]/route";
import { peerStamp } from "@/lib/server/auth/client-address";
import { SIGN_IN_THROTTLE } from "./sign-in";
import { useTestDatabase } from "@/test/database";
import { callRoute, cookieHeader, type Answer } from "@/test/http";

const t = useTestDatabase();

// Everything the server says, to prove afterwards that no secret ever left it.
const answers: { label: string; text: string }[] = [];
const logged: string[] = [];
const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))),
);
afterAll(() => spies.forEach((s) => s.mockRestore()));

type Route = Parameters<typeof callRoute>[0];
async function call(label: string, handler: Route, method: Parameters<typeof callRoute>[1], path: string, opts: Parameters<typeof callRoute>[3] = {}): Promise<Answer> {
  const res = await callRoute(handler, method, path, opts);
  answers.push({ label, text: res.text });
  return res;
}
const asCookie = (cookie: string) => ({ cookie });
const ADMIN = { name: "Ada Admin", email: "ada@example.test", password: "first admin password" };
let adminCookie = "";

describe("first run", () => {
  it("asks for the admin account, creates it once, and signs it in", async () => {
    expect((await call("session", session.GET, "GET", "/api/session")).json).toEqual({ user: null, setupRequired: true });
    const bad = await call("setup bad", setup.POST, "POST", "/api/setup", { body: { name: "", email: "nope", password: "short" } });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field).sort()).toEqual(["email", "name", "password"]);
    expect(await t.db().user.count()).toBe(0);

    const res = await call("setup", setup.POST, "POST", "/api/setup", { body: ADMIN });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ user: { email: ADMIN.email, role: "ADMIN" } });
    adminCookie = cookieHeader(res.cookies);
    expect(adminCookie).toMatch(/proda\.session_token=/);
    expect((await call("session", session.GET, "GET", "/api/session", { headers: asCookie(adminCookie) })).json).toMatchObject({ user: { role: "ADMIN" }, setupRequired: false });

    const again = await call("setup again", setup.POST, "POST", "/api/setup", { body: { ...ADMIN, email: "eve@example.test" } });
    expect(again.status).toBe(409);
  });
});

describe("sign-in", () => {
  it("refuses a wrong password, logs the failure, and slows repeated attempts", async () => {
    const from = { "x-proda-peer": peerStamp("10.0.0.9") };
    const wrong = await call("wrong", session.POST, "POST", "/api/session", { body: { email: ADMIN.email, password: "not it" }, headers: from });
    expect(wrong.status).toBe(401);
    expect(wrong.cookies).toEqual([]);
    expect(await t.db().auditEvent.findFirst({ where: { action: "auth.sign_in_failed" }, select: { subject: true, ip: true, details: true } })).toEqual({ subject: ADMIN.email, ip: "10.0.0.9", details: { reason: "wrong password" } });
    // More failures from the same address, just now: the next attempt must wait, even with the right password.
    const failed = { action: "auth.sign_in_failed", subject: ADMIN.email, ip: "10.0.0.9" };
    await t.db().auditEvent.createMany({ data: Array.from({ length: SIGN_IN_THROTTLE.perPair + 2 }, () => failed) });
    const limited = await call("limited", session.POST, "POST", "/api/session", { body: { email: ADMIN.email, password: ADMIN.password }, headers: from });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.cookies).toEqual([]);
    // The wait passes.
    await t.db().auditEvent.updateMany({ where: { action: "auth.sign_in_failed" }, data: { at: new Date(Date.now() - 3600_000) } });
    const ok = await call("sign in", session.POST, "POST", "/api/session", { body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password }, headers: from });
    expect(ok.status).toBe(200);
    adminCookie = cookieHeader(ok.cookies);
  });

  it("ends a session at sign-out and when it expires", async () => {
    const a = cookieHeader((await call("sign in", session.POST, "POST", "/api/session", { body: { email: ADMIN.email, password: ADMIN.password } })).cookies);
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: asCookie(a) })).status).toBe(200);
    await call("sign out", session.DELETE, "DELETE", "/api/session", { headers: asCookie(a) });
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: asCookie(a) })).status).toBe(401);

    const b = cookieHeader((await call("sign in", session.POST, "POST", "/api/session", { body: { email: ADMIN.email, password: ADMIN.password } })).cookies);
    const token = decodeURIComponent(b.split("=")[1]).split(".")[0];
    await t.db().session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: asCookie(b) })).status).toBe(401);
  });
});

describe("CSRF", () => {
  it("refuses cookie-authenticated changes from another site or without an Origin", async () => {
    const body = { name: "Lee", email: "lee@example.test", password: "lead password 1", role: "LEAD" };
    const evil = await call("csrf", users.POST, "POST", "/api/users", { headers: { ...asCookie(adminCookie), origin: "http://evil.test" }, body });
    expect(evil.status).toBe(403);
    expect(evil.text).toMatch(/Cross-site/);
    const none = await call("csrf", users.POST, "POST", "/api/users", { headers: { ...asCookie(adminCookie), origin: "" }, body });
    expect(none.status).toBe(403);
    // A forwarding header names no origin unless a trusted proxy sent it (PRODA_TRUSTED_PROXIES).
    const forwarded = await call("csrf", users.POST, "POST", "/api/users", { headers: { ...asCookie(adminCookie), origin: "http://evil.test", "x-forwarded-host": "evil.test" }, body });
    expect(forwarded.status).toBe(403);
    const otherScheme = await call("csrf", users.POST, "POST", "/api/users", { headers: { ...asCookie(adminCookie), origin: "https://studio.test" }, body });
    expect(otherScheme.status).toBe(403);
    expect(await t.db().user.count({ where: { email: body.email } })).toBe(0);
    const same = await call("create user", users.POST, "POST", "/api/users", { headers: asCookie(adminCookie), body });
    expect(same.status).toBe(201);
  });
});

describe("invitation, roles, tokens and deactivation", () => {
  let annotatorCookie = "";
  let annotatorId = "";
  let annotatorToken = "";
  let inviteToken = "";

  it("an admin invites an annotator, who accepts with a name and password", async () => {
    const inv = await call("invite", invitations.POST, "POST", "/api/invitations", { headers: asCookie(adminCookie), body: { email: "Ann@Example.test", role: "ANNOTATOR" } });
    expect(inv.status).toBe(201);
    const { path } = inv.json as { path: string };
    inviteToken = path.split("/").pop()!;
    expect((await call("describe", accept.GET, "GET", "/api/invitations/accept", { query: { token: inviteToken } })).json).toMatchObject({ email: "ann@example.test", role: "ANNOTATOR" });
    const res = await call("accept", accept.POST, "POST", "/api/invitations/accept", { body: { token: inviteToken, name: "Ann", password: "annotator password" } });
    expect(res.status).toBe(201);
    annotatorCookie = cookieHeader(res.cookies);
    annotatorId = (res.json as { user: { id: string } }).user.id;
    const reuse = await call("accept again", accept.POST, "POST", "/api/invitations/accept", { body: { token: inviteToken, name: "Ann", password: "annotator password" } });
    expect(reuse.status).toBe(409);
  });

  it("the annotator reads the workspace but is refused expert and admin actions", async () => {
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: asCookie(annotatorCookie) })).status).toBe(200);
    expect((await call("import", imports.POST, "POST", "/api/corpus/imports", { headers: asCookie(annotatorCookie) })).status).toBe(403);
    expect((await call("users", users.GET, "GET", "/api/users", { headers: asCookie(annotatorCookie) })).status).toBe(403);
  });

  it("API tokens are shown once, stored hashed, work as Bearer, and stop when revoked", async () => {
    const created = await call("token", accountTokens.POST, "POST", "/api/account/tokens", { headers: asCookie(annotatorCookie), body: { name: "ci" } });
    expect(created.status).toBe(201);
    const { token, id } = created.json as { token: string; id: string };
    annotatorToken = token;
    expect(token).toMatch(/^proda_/);
    const row = await t.db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.hash).not.toContain(token);
    const list = await call("tokens", accountTokens.GET, "GET", "/api/account/tokens", { headers: asCookie(annotatorCookie) });
    expect(list.text).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: bearer })).status).toBe(200);
    expect((await t.db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    const second = (await call("token", accountTokens.POST, "POST", "/api/account/tokens", { headers: asCookie(annotatorCookie), body: { name: "tmp" } })).json as { token: string; id: string };
    expect((await call("revoke", accountToken.DELETE, "DELETE", `/api/account/tokens/${second.id}`, { headers: asCookie(annotatorCookie), params: { id: second.id } })).status).toBe(200);
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: { authorization: `Bearer ${second.token}` } })).status).toBe(401);
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: { authorization: "Bearer proda_forged" } })).status).toBe(401);
  });

  it("role changes are audited and take effect at the next request", async () => {
    const res = await call("role", user.PATCH, "PATCH", `/api/users/${annotatorId}`, { headers: asCookie(adminCookie), params: { id: annotatorId }, body: { role: "EXPERT" } });
    expect(res.status).toBe(200);
    expect((await call("import", imports.POST, "POST", "/api/corpus/imports", { headers: { authorization: `Bearer ${annotatorToken}` } })).status).toBe(400); // allowed now; no files
    await call("role", user.PATCH, "PATCH", `/api/users/${annotatorId}`, { headers: asCookie(adminCookie), params: { id: annotatorId }, body: { role: "ANNOTATOR" } });
    const log = await call("audit", auditRoute.GET, "GET", "/api/audit", { headers: asCookie(adminCookie), query: { action: "user.role_changed" } });
    expect((log.json as { items: { details: unknown }[] }).items.map((e) => e.details)).toEqual([
      { from: "EXPERT", to: "ANNOTATOR" },
      { from: "ANNOTATOR", to: "EXPERT" },
    ]);
  });

  it("deactivation stops the user's sessions and tokens at once, and sign-in; reactivation gives no token back", async () => {
    const res = await call("deactivate", user.PATCH, "PATCH", `/api/users/${annotatorId}`, { headers: asCookie(adminCookie), params: { id: annotatorId }, body: { active: false } });
    expect(res.status).toBe(200);
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: asCookie(annotatorCookie) })).status).toBe(401);
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: { authorization: `Bearer ${annotatorToken}` } })).status).toBe(401);
    // A wrong password gets the answer any wrong password gets; only the right one learns why.
    const guess = await call("sign in", session.POST, "POST", "/api/session", { body: { email: "ann@example.test", password: "a wrong guess" } });
    expect(guess.status).toBe(401);
    expect(guess.json).toEqual({ error: { code: "UNAUTHENTICATED", message: "Wrong email or password" } });
    const signIn = await call("sign in", session.POST, "POST", "/api/session", { body: { email: "ann@example.test", password: "annotator password" } });
    expect(signIn.status).toBe(403);
    expect(signIn.text).toMatch(/deactivated/);
    expect(signIn.cookies).toEqual([]);

    const back = await call("reactivate", user.PATCH, "PATCH", `/api/users/${annotatorId}`, { headers: asCookie(adminCookie), params: { id: annotatorId }, body: { active: true } });
    expect(back.status).toBe(200);
    expect((await call("stats", stats.GET, "GET", "/api/corpus/stats", { headers: { authorization: `Bearer ${annotatorToken}` } })).status).toBe(401);
    expect(await t.db().apiToken.count({ where: { userId: annotatorId, revokedAt: null } })).toBe(0);
    await call("deactivate", user.PATCH, "PATCH", `/api/users/${annotatorId}`, { headers: asCookie(adminCookie), params: { id: annotatorId }, body: { active: false } });
  });

  it("keeps one active admin", async () => {
    const admin = await t.db().user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const res = await call("self", user.PATCH, "PATCH", `/api/users/${admin.id}`, { headers: asCookie(adminCookie), params: { id: admin.id }, body: { active: false } });
    expect(res.status).toBe(409);
  });

  it("changes a password: the old one stops working, the new one works", async () => {
    const wrong = await call("pw", password.POST, "POST", "/api/account/password", { headers: asCookie(adminCookie), body: { currentPassword: "nope", newPassword: "a brand new password" } });
    expect(wrong.status).toBe(400);
    const res = await call("pw", password.POST, "POST", "/api/account/password", { headers: asCookie(adminCookie), body: { currentPassword: ADMIN.password, newPassword: "a brand new password" } });
    expect(res.status).toBe(200);
    expect((await call("old", session.POST, "POST", "/api/session", { body: { email: ADMIN.email, password: ADMIN.password } })).status).toBe(401);
    const ok = await call("new", session.POST, "POST", "/api/session", { body: { email: ADMIN.email, password: "a brand new password" } });
    expect(ok.status).toBe(200);
    adminCookie = cookieHeader(ok.cookies);
  });

  it("the audit log records sign-ins, failures, roles, tokens, and filters by user and action", async () => {
    const all = (await call("audit", auditRoute.GET, "GET", "/api/audit", { headers: asCookie(adminCookie), query: { limit: "500" } })).json as { items: { action: string }[] };
    const actions = new Set(all.items.map((e) => e.action));
    for (const a of ["auth.setup", "auth.sign_in", "auth.sign_in_failed", "auth.sign_out", "user.created", "user.invited", "user.invitation_accepted", "user.role_changed", "user.deactivated", "token.created", "token.revoked", "auth.password_changed"]) {
      expect(actions, a).toContain(a);
    }
    const ann = (await call("audit", auditRoute.GET, "GET", "/api/audit", { headers: asCookie(adminCookie), query: { user: "ann@", action: "token." } })).json as { items: { action: string }[] };
    expect(ann.items.map((e) => e.action).sort()).toEqual(["token.created", "token.created", "token.revoked"]);
  });

  it("no answer or log line carries a password hash, a session token or a stored token hash; plain tokens appear once", async () => {
    const secrets = [
      ...(await t.db().account.findMany({ select: { password: true } })).map((a) => a.password!),
      ...(await t.db().session.findMany({ select: { token: true } })).map((s) => s.token),
      ...(await t.db().apiToken.findMany({ select: { hash: true } })).map((k) => k.hash),
      ...(await t.db().invitation.findMany({ select: { hash: true } })).map((k) => k.hash),
      "first admin password",
      "annotator password",
      "a brand new password",
    ];
    expect(secrets.length).toBeGreaterThan(8);
    const leaks: string[] = [];
    for (const s of secrets) {
      for (const a of answers) if (a.text.includes(s)) leaks.push(`answer "${a.label}" contains ${s.slice(0, 12)}…`);
      for (const l of logged) if (l.includes(s)) leaks.push(`log line contains ${s.slice(0, 12)}…`);
    }
    expect(leaks).toEqual([]);
    // The plain token and invitation appear in exactly the answer that created them.
    expect(answers.filter((a) => a.text.includes(annotatorToken)).map((a) => a.label)).toEqual(["token"]);
    expect(answers.filter((a) => a.text.includes(inviteToken)).map((a) => a.label)).toEqual(["invite"]);
  });
});
