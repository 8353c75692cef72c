import { describe, expect, it } from "vitest";
import { peakRss, useRouteServer } from "@/lib/server/http/test-route-server";
import { useTestDatabase } from "@/test/database";
import * as knowledgeImport from "./route";

const t = useTestDatabase();
const MB = 1024 * 1024;
const server = useRouteServer(t.db, { "POST /api/knowledge/import": knowledgeImport.POST });

/** JSONL generated line by line as it is sent (chunked: no Content-Length), counting what left. */
function jsonlStream(totalBytes: number, line: (i: number) => string) {
  const sent = { bytes: 0 };
  const enc = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent.bytes >= totalBytes) return c.close();
      let batch = "";
      while (batch.length < 256 * 1024) batch += `${line(i++)}\n`;
      const bytes = enc.encode(batch);
      sent.bytes += bytes.byteLength;
      c.enqueue(bytes);
    },
  });
  return { body, sent };
}

const post = async (body: ReadableStream<Uint8Array> | string) => {
  const res = await fetch(server.url("/api/knowledge/import"), { method: "POST", headers: server.auth(), body, duplex: "half" } as RequestInit);
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as { error?: { code: string; message: string; details?: { lines: { line: number; message: string }[]; linesNotListed: number } } } };
};

const concept = (i: number) =>
  JSON.stringify({ type: "concept", id: `c${i}`, discipline: "biology", name: `Concept number ${i}`, aliases: [`alias ${i}`], definition: `The ${i}th concept of a generated structure.` });

describe("the knowledge JSONL import", () => {
  it("refuses a chunked 300 MB body with 413 once it passes 50 MB, in bounded memory, and writes nothing", async () => {
    const before = await t.db().concept.count();
    const { body, sent } = jsonlStream(300 * MB, concept);
    const { result, idle, peak } = await peakRss(() => post(body));
    console.log(`refused JSONL of 300 MB: ${Math.round(sent.bytes / MB)} MB sent before the answer; RSS idle ${Math.round(idle / MB)} MB, peak ${Math.round(peak / MB)} MB (+${Math.round((peak - idle) / MB)} MB)`);
    expect(result.status).toBe(413);
    expect(result.json.error).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/50 MB/) });
    expect(sent.bytes).toBeLessThan(150 * MB);
    expect(peak - idle).toBeLessThan(500 * MB);
    expect(await t.db().concept.count()).toBe(before);
  });

  it("lists the first 100 bad lines and counts the rest", async () => {
    const lines = [concept(1), ...Array.from({ length: 5000 }, (_, i) => `{"type": "concept", "id": "bad${i}"`)];
    const res = await post(lines.join("\n"));
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toMatch(/5000 bad line\(s\); nothing was imported \(the first 100 are listed\)/);
    expect(res.json.error?.details?.lines).toHaveLength(100);
    expect(res.json.error?.details?.lines[0]).toMatchObject({ line: 2, message: expect.stringMatching(/invalid JSON/) });
    expect(res.json.error?.details?.linesNotListed).toBe(4900);
    expect(res.text.length).toBeLessThan(50_000);
  });

  it("refuses a line with a NUL character by its number", async () => {
    const res = await post([concept(1), JSON.stringify({ type: "concept", id: "n", discipline: "biology", name: "Nul\u0000name" })].join("\n"));
    expect(res.status).toBe(400);
    expect(res.json.error?.details?.lines).toEqual([{ line: 2, message: expect.stringMatching(/^name: contains a NUL character/) }]);
  });
});
