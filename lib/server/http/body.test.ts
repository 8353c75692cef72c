import { describe, expect, it } from "vitest";
import { bodyChunks, bodyLines, readJsonBody } from "./body";
import { nulPaths } from "./nul-bytes";

const MB = 1024 * 1024;

/** A request whose body is generated as it is read (chunked: no Content-Length), counting what was pulled. */
function streamingRequest(total: number, chunk = 64 * 1024) {
  const pulled = { bytes: 0 };
  const block = new Uint8Array(chunk).fill(97);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled.bytes >= total) return c.close();
      pulled.bytes += block.length;
      c.enqueue(block);
    },
  });
  const req = new Request("http://studio.test/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { req, pulled };
}

describe("request bodies are limited while they stream", () => {
  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { req, pulled } = streamingRequest(1024 * MB);
    const read = async () => {
      for await (const _ of bodyChunks(req, { limit: 10 * MB })) void _;
    };
    await expect(read()).rejects.toMatchObject({ code: "TOO_LARGE", status: 413, message: expect.stringMatching(/10 MB/) });
    expect(pulled.bytes).toBeLessThan(12 * MB);
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const req = new Request("http://studio.test/x", { method: "POST", body: "x".repeat(2000), headers: { "content-length": "2000" } });
    await expect(readJsonBody(req, 1000)).rejects.toMatchObject({ code: "TOO_LARGE" });
  });

  it("reads a JSON body within 1 MB and refuses a larger one", async () => {
    const json = (v: unknown) => new Request("http://studio.test/x", { method: "POST", body: JSON.stringify(v) });
    expect(await readJsonBody(json({ name: "Cell" }))).toEqual({ name: "Cell" });
    await expect(readJsonBody(json({ name: "x".repeat(MB) }))).rejects.toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/1 MB/) });
    await expect(readJsonBody(new Request("http://studio.test/x", { method: "POST", body: "{" }))).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("splits lines across chunks (\\n and \\r\\n, a character split between chunks) and refuses an endless line", async () => {
    const enc = new TextEncoder();
    const bytes = enc.encode("first\r\nsecond é\n\nlast");
    const pieces = [bytes.subarray(0, 3), bytes.subarray(3, 14), bytes.subarray(14)];
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        const p = pieces.shift();
        if (p) c.enqueue(p);
        else c.close();
      },
    });
    const req = new Request("http://studio.test/x", { method: "POST", body, duplex: "half" } as RequestInit);
    const lines: string[] = [];
    for await (const l of bodyLines(req, { limit: MB, maxLineChars: 100 })) lines.push(l);
    expect(lines).toEqual(["first", "second é", "", "last"]);

    const { req: endless } = streamingRequest(10 * MB);
    const read = async () => {
      for await (const _ of bodyLines(endless, { limit: 50 * MB, maxLineChars: MB })) void _;
    };
    await expect(read()).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/Line 1 is longer than 1 MB/) });
  });
});

describe("NUL characters", () => {
  it("are found in strings and keys, with their paths", () => {
    expect(nulPaths({ q: "a\u0000b", ok: "fine", list: ["x", "y\u0000"], nested: { "k\u0000": 1 } })).toEqual(["q", "list.1", "nested.k\\u0000"]);
    expect(nulPaths({ q: "clean", n: 3, list: [null, true] })).toEqual([]);
  });
});
