import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import * as session from "@/app/api/session/route";
import { peerStamp } from "@/lib/server/auth/client-address";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { createAccount } from "./accounts";

const t = useTestDatabase();
const KNOWN = "known@example.test";
const DEACTIVATED = "gone@example.test";
// Medians of interleaved tries: a loaded machine slows every kind alike. Without the dummy hash
// an unknown email answered in a few milliseconds and a known one in a password hash's time, so
// the tolerance (60 ms, or a fifth of an answer on a machine so loaded answers take longer) is
// far below the gap it catches.
const TRIES = 9;
const tolerance = (ms: number) => Math.max(60, ms / 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let n = 0;
async function timed(email: string): Promise<number> {
  // Each try from its own address, so no throttle answers early.
  const headers = { "x-proda-peer": peerStamp(`192.0.2.${++n}`) };
  const started = performance.now();
  const res = await callRoute(session.POST, "POST", "/api/session", { body: { email, password: "a wrong password" }, headers });
  const ms = performance.now() - started;
  expect(res.status).toBe(401);
  expect(res.json).toEqual({ error: { code: "UNAUTHENTICATED", message: "Wrong email or password" } });
  return ms;
}

beforeAll(async () => {
  await t.db().$transaction((tx) => createAccount(tx, { email: KNOWN, name: "Known", password: "the right password", role: "VIEWER" }));
  const gone = await t.db().$transaction((tx) => createAccount(tx, { email: DEACTIVATED, name: "Gone", password: "the right password", role: "VIEWER" }));
  await t.db().user.update({ where: { id: gone.id }, data: { active: false } });
});

describe("sign-in answers", () => {
  it("take as long for an unknown email or a deactivated account as for a known one with a wrong password", async () => {
    for (const email of [KNOWN, "warm-up@example.test", DEACTIVATED]) await timed(email);
    const known: number[] = [];
    const unknown: number[] = [];
    const deactivated: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      known.push(await timed(KNOWN));
      unknown.push(await timed(`nobody-${i}@example.test`));
      deactivated.push(await timed(DEACTIVATED));
    }
    const [k, u, d] = [median(known), median(unknown), median(deactivated)];
    expect(Math.abs(k - u), `known ${k.toFixed(0)} ms, unknown ${u.toFixed(0)} ms`).toBeLessThan(tolerance(k));
    expect(Math.abs(k - d), `known ${k.toFixed(0)} ms, deactivated ${d.toFixed(0)} ms`).toBeLessThan(tolerance(k));
  });
});
