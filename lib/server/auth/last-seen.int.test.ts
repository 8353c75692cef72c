import { describe, expect, it } from "vitest";
import { listUsers } from "@/lib/server/services/auth/users";
import { useTestDatabase } from "@/test/database";
import { hashToken, resolvePrincipal } from "./principal";

const t = useTestDatabase();

describe("last seen", () => {
  it("is the last request made with a token, not a sign-in time, and is written at most once a minute", async () => {
    const user = await t.db().user.create({ data: { email: "seen@example.test", name: "Seen", role: "VIEWER" } });
    const secret = "proda_lastseentoken0123456789";
    await t.db().apiToken.create({ data: { userId: user.id, name: "t", prefix: "proda_last", hash: hashToken(secret) } });
    const seen = async () => (await listUsers(t.db())).find((u) => u.id === user.id)!.lastSeenAt;
    expect(await seen()).toBeNull();

    const before = Date.now();
    await resolvePrincipal(t.db(), new Headers({ authorization: `Bearer ${secret}` }));
    const first = await seen();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await resolvePrincipal(t.db(), new Headers({ authorization: `Bearer ${secret}` }));
    expect((await seen())!.getTime()).toBe(first!.getTime());
  });
});
