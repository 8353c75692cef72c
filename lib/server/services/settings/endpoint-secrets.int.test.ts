import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as endpoints from "@/app/api/endpoints/route";
import * as endpoint from "@/app/api/endpoints/[id]/route";
import * as testRoute from "@/app/api/endpoints/[id]/test/route";
import type { Principal } from "@/lib/server/auth/principal";
import { scrubKnownSecrets, scrubSecrets } from "@/lib/server/secrets";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";

const t = useTestDatabase();
// Not shaped like "sk-…", and with characters URL encoding changes: scrubbing must go by value, in every form.
const KEY = "ak/test+0123456789=very-secret";
let admin: Record<string, string> = {};

/**
 * An endpoint that repeats the request's Authorization header: in its error body (`/bad/v1`),
 * or as the model it says answered (`/good/v1`). Records what it was sent.
 */
type Echo = { baseURL: (path: string) => string; seen: string[]; close: () => Promise<void> };
async function echoServer(): Promise<Echo> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? "";
    seen.push(auth);
    req.resume();
    req.on("end", () => {
      res.writeHead(req.url?.startsWith("/bad") ? 401 : 200, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          req.url?.startsWith("/bad")
            ? { error: { message: `Invalid credentials: Authorization: ${auth} (encoded ${encodeURIComponent(auth)})`, type: "auth" } }
            : { id: "x", object: "chat.completion", created: 0, model: auth, choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "ok" } }] },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { baseURL: (p) => `http://127.0.0.1:${port}${p}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

let echo: Echo;
let other: Echo;
beforeAll(async () => {
  [echo, other] = await Promise.all([echoServer(), echoServer()]);
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: "admin@example.test", name: "Admin", password: "admin password 1", role: "ADMIN" }));
  const principal: Principal = { userId: user.id, email: user.email, name: user.name, role: "ADMIN", via: "session" };
  admin = { authorization: `Bearer ${(await createToken(t.db(), principal, { name: "test" }, null)).token}` };
});
afterAll(async () => {
  await Promise.all([echo.close(), other.close()]);
  delete process.env.PRODA_LLM_API_KEY;
});

async function create(name: string, baseUrl: string, apiKey = KEY) {
  const res = await callRoute(endpoints.POST, "POST", "/api/endpoints", { headers: admin, body: { name, baseUrl, model: "m", apiKey } });
  expect(res.status).toBe(201);
  return (res.json as { id: string }).id;
}
const test = (id: string) => callRoute(testRoute.POST, "POST", `/api/endpoints/${id}/test`, { headers: admin, params: { id } });

describe("an endpoint's key never comes back from it", () => {
  it("is scrubbed from Test connection's error when the endpoint's error body echoes the Authorization header", async () => {
    const id = await create("echo-bad", echo.baseURL("/bad/v1"));
    const res = await test(id);
    expect(echo.seen.at(-1)).toBe(`Bearer ${KEY}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: false, error: expect.stringContaining("[redacted]") });
    expect(res.text).not.toContain(KEY);
    expect(res.text).not.toContain(encodeURIComponent(KEY));
  });

  it("is scrubbed from what a successful answer reports", async () => {
    const id = await create("echo-good", echo.baseURL("/good/v1"));
    const res = await test(id);
    expect(res.json).toMatchObject({ ok: true, model: "Bearer [redacted]" });
    expect(res.text).not.toContain(KEY);
  });

  it("scrubKnownSecrets scrubs every stored key and the environment's, for job errors and logs", async () => {
    process.env.PRODA_LLM_API_KEY = "env-key-abcdefgh-123";
    const text = `401 from endpoint: "Bearer ${KEY}" / key=${encodeURIComponent("env-key-abcdefgh-123")} / ${JSON.stringify({ auth: KEY })}`;
    const scrubbed = await scrubKnownSecrets(text, t.db());
    expect(scrubbed).not.toContain(KEY);
    expect(scrubbed).not.toContain("env-key-abcdefgh-123");
    expect(scrubbed).toContain("401 from endpoint");
    expect(scrubSecrets("the key is short", ["short", null, ""])).toBe("the key is short");
  });
});

describe("moving an endpoint to another host", () => {
  it("refuses to keep the stored key unless it is entered again, and never sends it there", async () => {
    const id = await create("movable", echo.baseURL("/good/v1"));
    const put = (baseUrl: string, apiKey?: string) =>
      callRoute(endpoint.PUT, "PUT", `/api/endpoints/${id}`, { headers: admin, params: { id }, body: { name: "movable", baseUrl, model: "m", ...(apiKey === undefined ? {} : { apiKey }) } });

    // Same origin, another path: the key stays.
    expect((await put(echo.baseURL("/good/v2"))).json).toMatchObject({ hasApiKey: true });

    const moved = await put(other.baseURL("/good/v1"));
    expect(moved.status).toBe(400);
    expect((moved.json as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field)).toEqual(["apiKey"]);
    expect((await t.db().endpoint.findUniqueOrThrow({ where: { id } })).baseUrl).toBe(echo.baseURL("/good/v2"));

    // Entered again (here: none), it moves.
    expect((await put(other.baseURL("/good/v1"), "")).json).toMatchObject({ hasApiKey: false });
    await test(id);
    expect(other.seen.some((a) => a.includes(KEY))).toBe(false);
  });
});
