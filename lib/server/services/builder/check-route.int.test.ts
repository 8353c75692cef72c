import { beforeAll, describe, expect, it } from "vitest";
import * as check from "@/app/api/training-sets/[id]/check/route";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";

const t = useTestDatabase();
let lead: Record<string, string> = {};

beforeAll(async () => {
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: "lead@example.test", name: "Lead", password: "lead password 1", role: "LEAD" }));
  const principal: Principal = { userId: user.id, email: user.email, name: user.name, role: "LEAD", via: "session" };
  lead = { authorization: `Bearer ${(await createToken(t.db(), principal, { name: "t" }, null)).token}` };
});

const run = (id: string, benchmarkIds?: string[]) => callRoute(check.POST, "POST", `/api/training-sets/${id}/check`, { headers: lead, params: { id }, body: { benchmarkIds } });

describe("POST /api/training-sets/:id/check", () => {
  it("refuses a training set that does not exist (404) and queues nothing", async () => {
    const res = await run("no-such-set");
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(await t.db().jobRun.count()).toBe(0);
  });

  it("refuses unknown benchmarks (404) and a set still being built (409); queues a check of a built set (202)", async () => {
    const building = await t.db().trainingSet.create({ data: { name: "ts", version: 1, status: "BUILDING", settings: {}, lineage: {} } });
    expect((await run(building.id)).status).toBe(409);
    const built = await t.db().trainingSet.update({ where: { id: building.id }, data: { status: "DRAFT" } });
    expect((await run(built.id, ["no-such-benchmark"])).status).toBe(404);
    expect(await t.db().jobRun.count()).toBe(0);
    expect((await run(built.id)).status).toBe(202);
    expect(await t.db().jobRun.count()).toBe(1);
  });
});
