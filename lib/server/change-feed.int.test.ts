import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, resolvePrincipal } from "@/lib/server/auth/principal";
import { useTestDatabase } from "@/test/database";
import { changedHere, changeFeedListening, closeChangeFeed, readThrough } from "./change-feed";

const t = useTestDatabase();
// Another process writing (the worker, the CLI): its own connection, not this process's client.
let other: pg.Client;

const until = async (ok: () => Promise<boolean> | boolean, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A counter behind a cached key: how many times the database was asked. */
function probe(group: "knowledge" | "auth", key: string) {
  let computed = 0;
  return { read: () => readThrough(group, key, async () => ++computed), computed: () => computed };
}

beforeAll(async () => {
  process.env.PRODA_READ_CACHE = "on";
  other = new pg.Client({ connectionString: t.url() });
  await other.connect();
  await until(() => changeFeedListening(), "the listener is connected");
});
afterAll(async () => {
  await other.end();
  await closeChangeFeed();
  delete process.env.PRODA_READ_CACHE;
});

describe("read-through caches cleared by database notifications", () => {
  it("serves a key from cache until another process commits a change to its tables", async () => {
    const p = probe("knowledge", "concepts");
    expect([await p.read(), await p.read()]).toEqual([1, 1]);

    await other.query(`INSERT INTO "Discipline" (id, slug, name) VALUES ('d-x', 'xenology', 'Xenology')`);
    await until(async () => (await p.read()) === 2, "the insert's notification cleared the cache");
    expect(await p.read()).toBe(2);

    // A rolled-back change notifies nobody.
    await other.query("BEGIN");
    await other.query(`UPDATE "Discipline" SET name = 'Xenology 2' WHERE id = 'd-x'`);
    await other.query("ROLLBACK");
    await new Promise((r) => setTimeout(r, 300));
    expect(await p.read()).toBe(2);
  });

  it("keeps groups apart, and a change made in this process clears at once", async () => {
    const knowledge = probe("knowledge", "k");
    const auth = probe("auth", "a");
    await knowledge.read();
    await auth.read();
    await other.query(`UPDATE "Discipline" SET name = 'Xenology 3' WHERE id = 'd-x'`);
    await until(async () => (await knowledge.read()) === 2, "knowledge cleared");
    expect(await auth.read()).toBe(1);
    changedHere("auth");
    expect(await auth.read()).toBe(2);
  });

  it("drops a token's cached principal when it is revoked elsewhere, not when its last use is written", async () => {
    const user = await t.db().user.create({ data: { email: "cache@example.test", name: "Cache", role: "VIEWER" } });
    const secret = "proda_cachetesttoken0123456789";
    const token = await t.db().apiToken.create({ data: { userId: user.id, name: "t", prefix: "proda_cach", hash: hashToken(secret) } });
    const headers = new Headers({ authorization: `Bearer ${secret}` });
    expect((await resolvePrincipal(t.db(), headers))?.userId).toBe(user.id);

    const watch = probe("auth", "watch");
    await watch.read();
    await other.query(`UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE id = $1`, [token.id]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await watch.read()).toBe(1);

    await other.query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = $1`, [token.id]);
    await until(async () => (await resolvePrincipal(t.db(), headers).then(() => false, () => true)), "the revoked token is refused");
    await expect(resolvePrincipal(t.db(), headers)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("answers from the database while the listener is lost, and caches again once it is back", async () => {
    const p = probe("knowledge", "lost");
    await p.read();
    await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'proda-change-feed' AND datname = current_database()`);
    await until(() => !changeFeedListening(), "the loss is seen");
    const before = p.computed();
    await p.read();
    await p.read();
    expect(p.computed()).toBe(before + 2);
    await until(() => changeFeedListening(), "the listener is back", 10_000);
    const again = p.computed();
    await p.read();
    await p.read();
    expect(p.computed()).toBe(again + 1);
  });
});
