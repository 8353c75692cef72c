import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as password from "@/app/api/account/password/route";
import * as session from "@/app/api/session/route";
import { peerStamp } from "@/lib/server/auth/client-address";
import { useTestDatabase } from "@/test/database";
import { callRoute, cookieHeader } from "@/test/http";
import { createAccount } from "./accounts";
import { PASSWORD_CHANGE_FREE_FAILURES } from "./password";
import { SIGN_IN_THROTTLE } from "./sign-in";

const t = useTestDatabase();
const PASSWORD = "the owner's password";
const OWNER = "owner@example.test";
const COLLEAGUE = "colleague@example.test";

const from = (address: string, extra: Record<string, string> = {}) => ({ "x-proda-peer": peerStamp(address), ...extra });
const signIn = (email: string, pw: string, headers: Record<string, string>) => callRoute(session.POST, "POST", "/api/session", { body: { email, password: pw }, headers });
/** Failures already in the log, `secondsAgo` old, as a guesser would have left them. */
async function pastFailures(n: number, row: { subject?: string; ip?: string }, secondsAgo = 0) {
  const at = new Date(Date.now() - secondsAgo * 1000);
  await t.db().auditEvent.createMany({ data: Array.from({ length: n }, (_, i) => ({ action: "auth.sign_in_failed", subject: row.subject ?? `guess${i}@example.test`, ip: row.ip ?? `198.51.100.${i % 250}`, at })) });
}

beforeAll(async () => {
  for (const email of [OWNER, COLLEAGUE]) await t.db().$transaction((tx) => createAccount(tx, { email, name: email, password: PASSWORD, role: "EXPERT" }));
  // Both have signed in before from the office (203.0.113.10).
  for (const email of [OWNER, COLLEAGUE]) expect((await signIn(email, PASSWORD, from("203.0.113.10"))).status).toBe(200);
});

afterEach(async () => {
  await t.db().auditEvent.deleteMany({ where: { action: { in: ["auth.sign_in_failed", "auth.password_change_failed"] } } });
  delete process.env.PRODA_TRUSTED_PROXIES;
});

describe("the client's address", () => {
  it("is the socket's peer: a client-sent X-Forwarded-For changes nothing, so rotating it still meets the limit", async () => {
    const statuses: number[] = [];
    // One address trying many accounts, naming a new address each time.
    await pastFailures(SIGN_IN_THROTTLE.perAddress, { ip: "192.0.2.66" });
    for (let i = 0; i < 3; i++) {
      statuses.push((await signIn(`nobody${i}@example.test`, "guess", from("192.0.2.66", { "x-forwarded-for": `10.9.8.${i}`, "x-real-ip": `10.9.7.${i}` }))).status);
    }
    expect(statuses).toEqual([401, 429, 429]);
    const logged = await t.db().auditEvent.findMany({ where: { subject: { startsWith: "nobody" } }, select: { ip: true } });
    expect(logged.map((e) => e.ip)).toEqual(["192.0.2.66"]);
  });

  it("comes from X-Forwarded-For only when the peer is a trusted proxy (PRODA_TRUSTED_PROXIES)", async () => {
    process.env.PRODA_TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8";
    await signIn("nobody@example.test", "guess", from("127.0.0.1", { "x-forwarded-for": "192.0.2.7, 10.1.2.3" }));
    await signIn("nobody@example.test", "guess", from("::ffff:127.0.0.1", { "x-forwarded-for": "192.0.2.8" }));
    await signIn("nobody@example.test", "guess", from("192.0.2.99", { "x-forwarded-for": "192.0.2.9" }));
    // A stamp the server did not make (another secret) names no address at all.
    await signIn("nobody@example.test", "guess", { "x-proda-peer": "forged 192.0.2.10" });
    const ips = (await t.db().auditEvent.findMany({ where: { subject: "nobody@example.test" }, orderBy: { id: "asc" }, select: { ip: true } })).map((e) => e.ip);
    expect(ips).toEqual(["192.0.2.7", "192.0.2.8", "192.0.2.99", null]);
  });
});

describe("sign-in throttling", () => {
  it("never locks the owner out: a guesser's failures from anywhere leave the owner's usual address alone", async () => {
    await pastFailures(40, { subject: OWNER });
    const guesser = await signIn(OWNER, "guess", from("192.0.2.66"));
    expect(guesser.status).toBe(429);
    expect(Number(guesser.headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await signIn(OWNER, PASSWORD, from("203.0.113.10"))).status).toBe(200);
  });

  it("slows, never locks, everyone behind one address: people who signed in there before are not held back by others' failures", async () => {
    await pastFailures(40, { ip: "203.0.113.10" });
    expect((await signIn("someone-new@example.test", "guess", from("203.0.113.10"))).status).toBe(429);
    expect((await signIn(COLLEAGUE, PASSWORD, from("203.0.113.10"))).status).toBe(200);
  });

  it("waits twice as long after each further failure, counted from the latest one", async () => {
    const wait = async (failures: number, secondsAgo: number) => {
      await t.db().auditEvent.deleteMany({ where: { action: "auth.sign_in_failed" } });
      await pastFailures(failures, { subject: OWNER, ip: "192.0.2.5" }, secondsAgo);
      const res = await signIn(OWNER, "guess", from("192.0.2.5"));
      return res.status === 429 ? Number(res.headers.get("retry-after")) : res.status;
    };
    const free = SIGN_IN_THROTTLE.perPair;
    expect(await wait(free, 0)).toBe(401);
    expect(await wait(free + 4, 0)).toBe(8);
    expect(await wait(free + 5, 0)).toBe(16);
    expect(await wait(free + 5, 10)).toBe(6);
    expect(await wait(free + 5, 17)).toBe(401);
    expect(await wait(free + 30, 0)).toBe(15 * 60);
  });

  it("counts attempts sent in parallel against one another", async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => signIn(OWNER, "guess", from("192.0.2.77"))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGN_IN_THROTTLE.perPair + 1);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    // A refused attempt is not a failure: only the checked ones are in the log.
    expect(await t.db().auditEvent.count({ where: { action: "auth.sign_in_failed", ip: "192.0.2.77" } })).toBe(statuses.filter((s) => s === 401).length);
  });
});

describe("password change", () => {
  it("slows wrong current passwords: a stolen session is no password oracle", async () => {
    const cookie = cookieHeader((await signIn(OWNER, PASSWORD, from("203.0.113.10"))).cookies);
    const change = (currentPassword: string) =>
      callRoute(password.POST, "POST", "/api/account/password", { headers: from("203.0.113.10", { cookie }), body: { currentPassword, newPassword: "a new password for the owner" } });
    for (let i = 0; i < PASSWORD_CHANGE_FREE_FAILURES; i++) expect((await change(`guess ${i}`)).status).toBe(400);
    await t.db().auditEvent.createMany({ data: [1, 2, 3].map(() => ({ action: "auth.password_change_failed", subject: OWNER })) });
    const limited = await change(PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    expect(await t.db().auditEvent.count({ where: { action: "auth.password_change_failed", subject: OWNER } })).toBe(PASSWORD_CHANGE_FREE_FAILURES + 3);
    await t.db().auditEvent.updateMany({ where: { action: "auth.password_change_failed" }, data: { at: new Date(Date.now() - 3600_000) } });
    expect((await change(PASSWORD)).status).toBe(200);
  });
});
