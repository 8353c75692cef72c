import http from "node:http";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as search from "@/app/api/knowledge/search/route";
import { changeFeedListening, closeChangeFeed } from "@/lib/server/change-feed";
import { useTestDatabase } from "@/test/database";
import { acceptsGzip } from "./cached-answer";
import { useRouteServer } from "./test-route-server";

// The production web server's preload: without it a route cannot send an encoded answer.
createRequire(import.meta.url)("../../../scripts/encoded-answers.cjs");

const t = useTestDatabase();
const server = useRouteServer(t.db, { "GET /api/knowledge/search": search.GET }, "VIEWER");

/** A GET as a client that reads the bytes as sent (node:http does not decode them). */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(server.url(path), { headers: { ...server.auth(), ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    }).on("error", reject);
  });
}

const decoded = (a: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  JSON.parse((a.headers["content-encoding"] === "gzip" ? gunzipSync(a.body) : a.body).toString("utf8"));

beforeAll(async () => {
  process.env.PRODA_READ_CACHE = "on";
  const biology = await t.db().discipline.findUniqueOrThrow({ where: { slug: "biology" } });
  await t.db().concept.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      disciplineId: biology.id,
      name: `Membrane protein ${i}`,
      canonicalName: `membrane protein ${i}`,
      definition: `Membrane protein ${i} is a protein embedded in the cell membrane that carries solutes across it.`,
    })),
  });
  // The first request starts the listener; answers are kept only once it listens.
  await get("/api/knowledge/search?q=membrane", {});
  const end = Date.now() + 5000;
  while (!changeFeedListening() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  await closeChangeFeed();
  delete process.env.PRODA_READ_CACHE;
});

describe("a cached answer is sent gzip-compressed to a client that accepts it", () => {
  it("compressed for gzip, plain otherwise, the same answer either way", async () => {
    const path = "/api/knowledge/search?q=membrane&limit=30";
    const plain = await get(path, {});
    const zipped = await get(path, { "accept-encoding": "gzip, deflate, br" });
    const refused = await get(path, { "accept-encoding": "gzip;q=0, identity" });
    expect([plain.status, zipped.status, refused.status]).toEqual([200, 200, 200]);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    const answer = decoded(plain);
    expect(answer.concepts).toHaveLength(30);
    expect(decoded(zipped)).toEqual(answer);
    expect(decoded(refused)).toEqual(answer);
  });

  it("a change to the knowledge is in the next compressed answer, not the old bytes", async () => {
    const path = "/api/knowledge/search?q=membrane&limit=30";
    const names = (a: { concepts: { name: string }[] }) => a.concepts.map((c) => c.name);
    expect(names(decoded(await get(path, { "accept-encoding": "gzip" })))).toContain("Membrane protein 7");
    await t.db().concept.updateMany({ where: { name: "Membrane protein 7" }, data: { name: "Membrane protein seven" } });
    const end = Date.now() + 5000;
    let after = names(decoded(await get(path, { "accept-encoding": "gzip" })));
    while (!after.includes("Membrane protein seven") && Date.now() < end) after = names(decoded(await get(path, { "accept-encoding": "gzip" })));
    expect(after).toContain("Membrane protein seven");
    expect(after).not.toContain("Membrane protein 7");
  });

  it("a short answer goes out as it is", async () => {
    const none = await get("/api/knowledge/search?q=zygomorphic", { "accept-encoding": "gzip" });
    expect(none.status).toBe(200);
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(decoded(none)).toBeTruthy();
  });
});

describe("Accept-Encoding", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, GZIP;q=0.5", true],
    ["*", true],
    ["identity", false],
    ["gzip;q=0", false],
    ["*, gzip;q=0", false],
    ["br, *;q=0", false],
    ["gzip;q=abc", false],
    ["", false],
  ])("%j → %s", (header, ok) => expect(acceptsGzip(header)).toBe(ok));
});
