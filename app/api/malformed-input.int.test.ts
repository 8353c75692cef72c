// Malformed input at every API entry point: every route under app/api (found on disk) and each of its
// methods that takes input is called as an admin with a body that is not JSON, and with JSON of the
// wrong shape; the uploads and line-based imports get a file with a bad line. Each answer must be a
// 4xx in the one error shape with its reason (what was wrong: the body, the field, the line), never a
// 5xx, and nothing may change: the row counts of the main tables are the same before and after.
// (Routes' own tests check their fields in detail; this one checks that no entry point is left out.)
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { appRoutes, ORIGIN, type Method, type RouteFile } from "@/test/http";

const t = useTestDatabase();
let routes: RouteFile[] = [];
let token = "";

const TABLES = ["Document", "Chunk", "Concept", "Relation", "Chain", "JobRun", "UploadedFile", "Benchmark", "BenchmarkItem", "TrainingSet", "TrainingInstance", "OrthogonalityCheck", "ModelVersion", "FineTune", "EvaluationRun", "DebugRun", "Patch", "Endpoint", "user", "ApiToken", "Invitation", "ExternalScore", "Discipline", "Predicate", "ReviewComment", "ReviewAssignment"];
const rowCounts = async () => {
  const [row] = await t.db().$queryRawUnsafe<Record<string, bigint>[]>(`SELECT ${TABLES.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(", ")}`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
};

type Sent = { body?: string | FormData; contentType?: string };
async function send(r: RouteFile, method: Method, sent: Sent, query: Record<string, string> = {}) {
  const params = Object.fromEntries([...r.pattern.matchAll(/\[\.{0,3}(\w+)\]/g)].map((m) => [m[1], m[0].startsWith("[...") ? ["no", "such"] : "no-such-id"]));
  const url = new URL(r.pattern.replace(/\[\.{3}\w+\]/, "no/such").replace(/\[(\w+)\]/g, "no-such-id"), ORIGIN);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const headers = new Headers({ host: url.host, origin: ORIGIN, authorization: `Bearer ${token}` });
  if (sent.contentType) headers.set("content-type", sent.contentType);
  const res = await r.handlers[method]!(new NextRequest(url, { method, headers, body: sent.body }), { params: Promise.resolve(params as Record<string, string>) });
  const text = await res.text();
  let json: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* checked below */
  }
  return { status: res.status, json, text };
}

beforeAll(async () => {
  routes = await appRoutes();
  await ensureDefaultDisciplines(t.db());
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: "admin@example.test", name: "Admin", password: "correct horse battery", role: "ADMIN" }));
  const admin: Principal = { userId: user.id, email: user.email, name: user.name, role: "ADMIN", via: "session" };
  token = (await createToken(t.db(), admin, { name: "malformed" }, null)).token;
});

const JSON_TYPE = "application/json";
/** Methods that read no input at all: signing out answers 200 whatever is sent. */
const NO_INPUT = new Set(["DELETE /api/session"]);
/** The inputs of every method that takes one: not JSON at all, and JSON that is no object. */
const GENERIC: { name: string; sent: Sent }[] = [
  { name: "a body that is not JSON", sent: { body: '{"name": "unterminated', contentType: JSON_TYPE } },
  { name: "JSON of the wrong shape (an array)", sent: { body: "[1, 2, 3]", contentType: JSON_TYPE } },
];

describe("malformed input at every API entry point", () => {
  it("answers every route that takes input with a 4xx in the error shape, and changes nothing", async () => {
    const problems: string[] = [];
    const seen: string[] = [];
    const before = await rowCounts();
    for (const r of routes) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
        if (!r.handlers[method] || NO_INPUT.has(`${method} ${r.pattern}`)) continue;
        for (const input of GENERIC) {
          const res = await send(r, method, input.sent);
          seen.push(`${method} ${r.pattern}`);
          const where = `${method} ${r.pattern} with ${input.name}: ${res.status} ${res.text.slice(0, 160)}`;
          if (res.status < 400 || res.status >= 500) problems.push(`not a 4xx: ${where}`);
          if (typeof res.json?.error?.code !== "string" || !res.json.error.message) problems.push(`not the error shape: ${where}`);
          // A 400 says what was wrong: the body (not JSON, not multipart), a line of a file, a field of the query or body.
          if (res.status === 400 && !/JSON|body|multipart|"line"|"field"|query/i.test(res.text)) problems.push(`a 400 without its reason: ${where}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(seen).size).toBeGreaterThan(40);
    expect(await rowCounts()).toEqual(before);
  }, 120_000);

  // Query strings are entry points too: each field of every GET's query schema gets a NUL
  // character (refused before any schema) and the first of a few hostile values its own schema
  // refuses (a negative or non-numeric count, a huge number, a string of 10,001 characters).
  it("answers every field of every GET's query it refuses with a 400 naming the field, and changes nothing", async () => {
    const HOSTILE = ["-1", "abc", "1e999", "9".repeat(400), "x".repeat(10_001), ""];
    const problems: string[] = [];
    let fields = 0;
    const before = await rowCounts();
    for (const r of routes) {
      const query = r.handlers.GET?.query;
      if (!(query instanceof z.ZodObject)) continue;
      for (const [field, schema] of Object.entries(query.shape as Record<string, z.ZodType>)) {
        fields++;
        const refused = HOSTILE.find((v) => !schema.safeParse(v).success);
        for (const value of ["bad\u0000value", ...(refused === undefined ? [] : [refused])]) {
          const res = await send(r, "GET", {}, { [field]: value });
          const where = `GET ${r.pattern}?${field}=${JSON.stringify(value.slice(0, 12))}: ${res.status} ${res.text.slice(0, 160)}`;
          if (res.status !== 400) problems.push(`not a 400: ${where}`);
          else if (!res.text.includes(field) || !/query/i.test(res.text)) problems.push(`a 400 that does not name the query field: ${where}`);
          if (typeof res.json?.error?.code !== "string") problems.push(`not the error shape: ${where}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(fields).toBeGreaterThan(40);
    expect(await rowCounts()).toEqual(before);
  }, 120_000);

  // The entry points whose input is a file: the reason names the file or the line.
  const FILES: { route: string; name: string; sent: () => Sent; status: number; reason: RegExp }[] = [
    {
      route: "/api/corpus/imports",
      name: "an upload of an unsupported file type",
      sent: () => {
        const form = new FormData();
        form.append("discipline", "biology");
        form.append("files", new Blob([new Uint8Array([1, 2, 3])]), "slides.pptx");
        return { body: form };
      },
      status: 400,
      reason: /slides\.pptx/,
    },
    {
      route: "/api/corpus/imports",
      name: "an upload that is not multipart",
      sent: () => ({ body: "just text", contentType: "text/plain" }),
      status: 400,
      reason: /multipart|form/i,
    },
    {
      route: "/api/knowledge/import",
      name: "a structure JSONL with a bad third line",
      sent: () => ({
        body: ['{"type":"concept","id":"a","discipline":"biology","name":"cell"}', '{"type":"concept","id":"b","discipline":"biology","name":"membrane"}', '{"type":"relation","id":"r","discipline":"biology","subject":"a"', ""].join("\n"),
        contentType: "application/x-ndjson",
      }),
      status: 400,
      reason: /"line":3/,
    },
    {
      route: "/api/external-scores/import",
      name: "a scores CSV whose second score is not a number",
      sent: () => ({ body: "model,benchmark,score\nnobody,GPQA,0.5\nnobody,MMLU,lots\n", contentType: "text/csv" }),
      status: 400,
      reason: /"line":\s*[23]/,
    },
  ];

  for (const f of FILES) {
    it(`${f.route}: ${f.name} is a ${f.status} with the reason, and changes nothing`, async () => {
      const r = routes.find((x) => x.pattern === f.route)!;
      const before = await rowCounts();
      const res = await send(r, "POST", f.sent());
      expect(res.status, res.text).toBe(f.status);
      expect(res.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(res.text).toMatch(f.reason);
      expect(await rowCounts()).toEqual(before);
    });
  }
});

// A request of the right shape naming what does not exist is refused by the job's own admit check
// (lib/jobs/define.ts) before a run is recorded: a 404 naming it, and no run left FAILED behind.
describe("jobs naming a discipline that does not exist", () => {
  const CASES = [
    { route: "/api/knowledge/extractions", body: { discipline: "alchemy" } },
    { route: "/api/benchmarks", body: { disciplines: ["biology", "alchemy"] } },
    { route: "/api/training-sets", body: { name: "leaky", disciplines: ["alchemy"] } },
  ];
  for (const c of CASES) {
    it(`${c.route}: a 404 naming the discipline, and no run`, async () => {
      const r = routes.find((x) => x.pattern === c.route)!;
      const before = await rowCounts();
      const res = await send(r, "POST", { body: JSON.stringify(c.body), contentType: JSON_TYPE });
      expect(res.status, res.text).toBe(404);
      expect(res.json).toEqual({ error: { code: "NOT_FOUND", message: 'No discipline "alchemy"' } });
      expect(await rowCounts()).toEqual(before);
    });
  }
});
