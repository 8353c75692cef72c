import { beforeAll, describe, expect, it } from "vitest";
import * as concepts from "@/app/api/knowledge/concepts/route";
import * as concept from "@/app/api/knowledge/concepts/[id]/route";
import * as merge from "@/app/api/knowledge/concepts/merge/route";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { CONCEPT_LIMITS } from "./curate-concepts";
import { importStructure } from "./structure-jsonl";

const t = useTestDatabase();
let expert: Record<string, string> = {};

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: "ex@example.test", name: "Ex", password: "expert password", role: "EXPERT" }));
  const principal: Principal = { userId: user.id, email: user.email, name: user.name, role: "EXPERT", via: "session" };
  expert = { authorization: `Bearer ${(await createToken(t.db(), principal, { name: "t" }, null)).token}` };
});

const fields = (json: unknown) => (json as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field);
const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
const create = (name: string, aliases: string[]) => callRoute(concepts.POST, "POST", "/api/knowledge/concepts", { headers: expert, body: { discipline: "biology", name, aliases } });

describe("concept aliases are capped", () => {
  it("refuses an alias longer than a name may be, naming the field (400)", async () => {
    const res = await create("Osmosis", ["ok", "x".repeat(CONCEPT_LIMITS.nameLength + 1)]);
    expect(res.status).toBe(400);
    expect(fields(res.json)).toEqual(["aliases.1"]);
    expect(res.text).toMatch(/at most 200 characters/);
  });

  it("refuses too many aliases on create and update (400)", async () => {
    const res = await create("Osmosis", many(CONCEPT_LIMITS.aliases + 1, "alias"));
    expect(res.status).toBe(400);
    expect(fields(res.json)).toEqual(["aliases"]);
    const ok = await create("Osmosis", many(CONCEPT_LIMITS.aliases, "alias"));
    expect(ok.status).toBe(201);
    const id = (ok.json as { id: string }).id;
    const patch = (aliases: string[]) => callRoute(concept.PATCH, "PATCH", `/api/knowledge/concepts/${id}`, { headers: expert, params: { id }, body: { aliases } });
    const tooMany = await patch([...many(CONCEPT_LIMITS.aliases, "alias"), "one more"]);
    expect(tooMany.status).toBe(400);
    expect(fields(tooMany.json)).toEqual(["aliases"]);
    const tooLong = await patch(["y".repeat(CONCEPT_LIMITS.nameLength + 1)]);
    expect(tooLong.status).toBe(400);
    expect(fields(tooLong.json)).toEqual(["aliases.0"]);
    expect((await t.db().concept.findUniqueOrThrow({ where: { id } })).aliases).toHaveLength(CONCEPT_LIMITS.aliases);
  });

  it("refuses a merge that would leave more aliases than the cap, changing nothing", async () => {
    const keep = (await create("Diffusion", many(CONCEPT_LIMITS.aliases - 5, "diffusion alias"))).json as { id: string };
    const gone = (await create("Passive transport", many(10, "transport alias"))).json as { id: string };
    const res = await callRoute(merge.POST, "POST", "/api/knowledge/concepts/merge", { headers: expert, body: { keepId: keep.id, mergeId: gone.id } });
    expect(res.status).toBe(400);
    expect(fields(res.json)).toEqual(["aliases"]);
    expect(await t.db().concept.count({ where: { id: gone.id } })).toBe(1);
  });

  it("refuses a structure import whose concept has too many or too long aliases, by line, writing nothing", async () => {
    const principal: Principal = { userId: "x", email: "ex@example.test", name: "Ex", role: "EXPERT", via: "session" };
    principal.userId = (await t.db().user.findUniqueOrThrow({ where: { email: "ex@example.test" } })).id;
    const lines = [
      JSON.stringify({ type: "concept", id: "a", discipline: "biology", name: "Turgor", aliases: many(CONCEPT_LIMITS.aliases + 1, "turgor alias") }),
      JSON.stringify({ type: "concept", id: "b", discipline: "biology", name: "x".repeat(CONCEPT_LIMITS.nameLength + 1) }),
    ].join("\n");
    const before = await t.db().concept.count();
    const err = await importStructure(t.db(), principal, lines).catch((e) => e);
    expect(err).toMatchObject({ code: "BAD_INPUT" });
    const lines_ = err.details.lines as { line: number; message: string }[];
    expect(lines_.map((l) => l.line)).toEqual([1, 2]);
    expect(lines_[0].message).toMatch(/aliases/);
    expect(lines_[1].message).toMatch(/name/);
    expect(await t.db().concept.count()).toBe(before);
  });
});

