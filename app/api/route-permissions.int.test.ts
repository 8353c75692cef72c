import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, type RouteAuth } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import type { Principal } from "@/lib/server/auth/principal";
import { useTestDatabase } from "@/test/database";
import { appRoutes, callRoute, type Method, type RouteFile } from "@/test/http";

const t = useTestDatabase();
const tokens = {} as Record<Role, string>;
let routes: RouteFile[] = [];

beforeAll(async () => {
  routes = await appRoutes();
  for (const role of ROLES) {
    const user = await t.db().$transaction((tx) =>
      createAccount(tx, { email: `${role.toLowerCase()}@example.test`, name: role, password: "correct horse battery", role }),
    );
    const principal: Principal = { userId: user.id, email: user.email, name: user.name, role, via: "session" };
    tokens[role] = (await createToken(t.db(), principal, { name: "matrix" }, null)).token;
  }
});

const expected = (rule: RouteAuth, role: Role | null): "allow" | 401 | 403 => {
  if (rule === "public") return "allow";
  if (!role) return 401;
  return (PERMISSIONS[rule] as readonly Role[]).includes(role) ? "allow" : 403;
};

describe("every API route against the permission table", () => {
  it("finds the app's routes, and every handler names a rule of the table", () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const r of routes) {
      const methods = Object.entries(r.handlers);
      expect(methods.length, `${r.file} exports no handler`).toBeGreaterThan(0);
      for (const [method, handler] of methods) {
        expect(handler.auth, `${method} ${r.pattern} (${r.file}) has no auth rule: define it with defineRoute({ auth })`).toBeDefined();
        expect(["public", ...ACTIONS], `${method} ${r.pattern} names an unknown rule`).toContain(handler.auth);
      }
    }
  });

  it("covers the dashboards' routes: reading is open to every role, writing external scores is the leads' and admins'", () => {
    const rule = (pattern: string, method: Method) => routes.find((r) => r.pattern === pattern)?.handlers[method]?.auth;
    expect(rule("/api/dashboards/report", "GET")).toBe("workspace:read");
    expect(rule("/api/external-scores", "GET")).toBe("workspace:read");
    for (const [pattern, method] of [["/api/external-scores", "POST"], ["/api/external-scores/import", "POST"], ["/api/external-scores/[id]", "DELETE"]] as const) expect(rule(pattern, method)).toBe("external-scores:edit");
    expect(PERMISSIONS["external-scores:edit"]).toEqual(["ADMIN", "LEAD"]);
  });

  it("allows or denies anonymous, viewer, annotator, expert, lead and admin exactly as the table says", async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const r of routes) {
      // Dynamic segments get an id that exists nowhere: the permission check comes before any lookup.
      const params = Object.fromEntries([...r.pattern.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], "no-such-id"]));
      const urlPath = r.pattern.replace(/\[(\w+)\]/g, "no-such-id");
      for (const [method, handler] of Object.entries(r.handlers) as [Method, NonNullable<RouteFile["handlers"][Method]>][]) {
        for (const role of [null, ...ROLES] as (Role | null)[]) {
          const headers = role ? { authorization: `Bearer ${tokens[role]}` } : undefined;
          const res = await callRoute(handler, method, urlPath, { headers, params, body: method === "GET" ? undefined : {} });
          calls++;
          const want = expected(handler.auth, role);
          const got = res.status === 401 || res.status === 403 ? res.status : "allow";
          if (want !== got) mismatches.push(`${method} ${r.pattern} as ${role ?? "anonymous"}: expected ${want}, got ${res.status} ${res.text.slice(0, 120)}`);
          if (res.status >= 500) mismatches.push(`${method} ${r.pattern} as ${role ?? "anonymous"}: server error ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(100);
  });

  it("answers a denial in the one error shape, naming the role and the action", async () => {
    const imports = routes.find((r) => r.pattern === "/api/corpus/imports")!;
    const res = await callRoute(imports.handlers.POST!, "POST", "/api/corpus/imports", { headers: { authorization: `Bearer ${tokens.ANNOTATOR}` } });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: { code: "FORBIDDEN", message: expect.stringContaining("Annotator"), details: { action: "corpus:import", role: "ANNOTATOR" } } });
  });
});
