import { beforeAll, describe, expect, it } from "vitest";
import * as tokens from "@/app/api/account/tokens/route";
import * as concepts from "@/app/api/knowledge/concepts/route";
import * as search from "@/app/api/knowledge/search/route";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { bearerFor } from "./test-route-server";

const t = useTestDatabase();
let headers: { authorization: string };

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  headers = await bearerFor(t.db(), "EXPERT");
});

const refusedField = (field: string) => ({
  error: { code: "BAD_INPUT", message: expect.stringContaining(`${field} contains a NUL character`), details: { fields: [{ field, message: expect.stringMatching(/NUL/) }] } },
});

describe("a NUL character in a query or body is a 400 naming the field, never a 500", () => {
  it("in search and in the concept list's query", async () => {
    const found = await callRoute(search.GET, "GET", "/api/knowledge/search", { headers, query: { q: "cell\u0000wall" } });
    expect(found.status).toBe(400);
    expect(found.json).toMatchObject(refusedField("q"));
    const listed = await callRoute(concepts.GET, "GET", "/api/knowledge/concepts", { headers, query: { q: "\u0000" } });
    expect(listed.status).toBe(400);
    expect(listed.json).toMatchObject(refusedField("q"));
  });

  it("in a new concept's name or alias, and in a new token's name", async () => {
    const named = await callRoute(concepts.POST, "POST", "/api/knowledge/concepts", { headers, body: { discipline: "biology", name: "Cell\u0000wall" } });
    expect(named.status).toBe(400);
    expect(named.json).toMatchObject(refusedField("name"));
    const aliased = await callRoute(concepts.POST, "POST", "/api/knowledge/concepts", { headers, body: { discipline: "biology", name: "Cell wall", aliases: ["ok", "b\u0000d"] } });
    expect(aliased.json).toMatchObject(refusedField("aliases.1"));
    const token = await callRoute(tokens.POST, "POST", "/api/account/tokens", { headers, body: { name: "ci\u0000" } });
    expect(token.status).toBe(400);
    expect(token.json).toMatchObject(refusedField("name"));
    expect(await t.db().concept.count({ where: { name: { contains: "wall" } } })).toBe(0);
  });

  it("the same requests without one still work", async () => {
    expect((await callRoute(search.GET, "GET", "/api/knowledge/search", { headers, query: { q: "cell wall" } })).status).toBe(200);
    expect((await callRoute(concepts.POST, "POST", "/api/knowledge/concepts", { headers, body: { discipline: "biology", name: "Cell wall" } })).status).toBe(201);
    expect((await callRoute(tokens.POST, "POST", "/api/account/tokens", { headers, body: { name: "ci" } })).status).toBe(201);
  });

  it("a JSON body over 1 MB is a 413", async () => {
    const big = await callRoute(concepts.POST, "POST", "/api/knowledge/concepts", { headers, body: { discipline: "biology", name: "x".repeat(1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: { code: "TOO_LARGE" } });
  });
});
