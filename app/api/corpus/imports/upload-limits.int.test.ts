import fs from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { docxBomb } from "@/lib/adapters/documents/test-bombs";
import { peakRss, useRouteServer } from "@/lib/server/http/test-route-server";
import type { ImportReport } from "@/lib/server/services/corpus/import-report";
import { useTestDatabase } from "@/test/database";
import { paragraph } from "@/test/fixtures";
import type { CorpusImportPayload } from "@/lib/jobs/corpus-import";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { executeRun } from "@/workers/runtime/execute-run";
import * as imports from "./route";

const t = useTestDatabase();
const MB = 1024 * 1024;
const server = useRouteServer(t.db, { "POST /api/corpus/imports": imports.POST });

const BOUNDARY = "----proda-test-boundary";

/** A multipart body generated as it is sent (chunked, never whole anywhere), counting what left. */
function multipartStream(fields: Record<string, string>, files: { name: string; size: number }[]) {
  const sent = { bytes: 0 };
  const enc = new TextEncoder();
  const filler = new Uint8Array(MB).fill(97);
  async function* parts() {
    for (const [k, v] of Object.entries(fields)) yield enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    for (const f of files) {
      yield enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/plain\r\n\r\n`);
      for (let left = f.size; left > 0; left -= MB) yield left >= MB ? filler : filler.subarray(0, left);
      yield enc.encode("\r\n");
    }
    yield enc.encode(`--${BOUNDARY}--\r\n`);
  }
  const it = parts();
  const body = new ReadableStream<Uint8Array>({
    async pull(c) {
      const { value, done } = await it.next();
      if (done) return c.close();
      sent.bytes += value.byteLength;
      c.enqueue(value);
    },
  });
  return { body, sent };
}

async function post(body: ReadableStream<Uint8Array> | FormData) {
  const headers = body instanceof FormData ? server.auth() : { ...server.auth(), "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
  const res = await fetch(server.url("/api/corpus/imports"), { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { status: res.status, json: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
}

const spoolDirs = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("proda-upload-")).length;

/** Sends a generated upload and measures this process (server and client) while it is refused. */
async function refusedUpload(files: { name: string; size: number }[]) {
  const before = { runs: await t.db().jobRun.count(), files: await t.db().uploadedFile.count(), dirs: spoolDirs() };
  const { body, sent } = multipartStream({ discipline: "biology" }, files);
  const { result, idle, peak } = await peakRss(() => post(body));
  console.log(`refused upload of ${files.length} file(s), ${Math.round(files.reduce((n, f) => n + f.size, 0) / MB)} MB: ${Math.round(sent.bytes / MB)} MB sent before the answer; RSS idle ${Math.round(idle / MB)} MB, peak ${Math.round(peak / MB)} MB (+${Math.round((peak - idle) / MB)} MB)`);
  expect(peak - idle).toBeLessThan(500 * MB);
  expect(await t.db().jobRun.count()).toBe(before.runs);
  expect(await t.db().uploadedFile.count()).toBe(before.files);
  expect(spoolDirs()).toBe(before.dirs);
  return { ...result, sent: sent.bytes };
}

describe("uploads are limited while they stream", () => {
  it("refuses a 1 GB file with 413 once it passes 50 MB, without reading the rest", async () => {
    const res = await refusedUpload([{ name: "huge.txt", size: 1024 * MB }]);
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/huge\.txt is larger than 50 MB/) });
    expect(res.sent).toBeLessThan(300 * MB);
  });

  it("refuses 1 GB of files each under 50 MB with 413 once the upload passes 200 MB", async () => {
    const res = await refusedUpload(Array.from({ length: 25 }, (_, i) => ({ name: `part-${i}.txt`, size: 40 * MB })));
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/at most 200 MB/) });
    expect(res.sent).toBeLessThan(500 * MB);
  });

  it("refuses an unsupported file type as its part begins", async () => {
    const res = await refusedUpload([{ name: "picture.png", size: 1024 * MB }]);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "UNSUPPORTED_FORMAT", message: expect.stringMatching(/picture\.png/) });
    expect(res.sent).toBeLessThan(100 * MB);
  });

  it("refuses a NUL character in the discipline field", async () => {
    const form = new FormData();
    form.append("files", new Blob([`# Cells\n\n${paragraph("Cells")}`]), "cells.md");
    form.append("discipline", "bio\u0000logy");
    const res = await post(form);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/discipline/) });
  });
});

describe("a DOCX bomb uploaded beside good files", () => {
  it("is reported as that file's error while the good files are imported, the job succeeds, and memory stays bounded", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`# Tides\n\n${paragraph("Tides")}\n`, "utf16le")]);
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(await docxBomb(300 * MB))]), "bomb.docx");
    form.append("files", new Blob([`# Osmosis\n\n${paragraph("Osmosis")}\n`]), "good.txt");
    form.append("files", new Blob([new Uint8Array(utf16)]), "windows-notes.txt");
    form.append("discipline", "biology");
    const queued = await post(form);
    expect(queued.status).toBe(202);
    const runId = queued.json.id!;
    expect(await t.db().uploadedFile.count({ where: { runId } })).toBe(3);

    const payload = (await t.db().jobRun.findUniqueOrThrow({ where: { id: runId } })).payload as CorpusImportPayload;
    const { result, idle, peak } = await peakRss(() => executeRun(t.db(), corpusImportHandler, runId, payload, { retryCount: 0, retryLimit: 3 }));
    console.log(`import with a 300 MB DOCX bomb: RSS idle ${Math.round(idle / MB)} MB, peak ${Math.round(peak / MB)} MB (+${Math.round((peak - idle) / MB)} MB)`);
    expect(peak - idle).toBeLessThan(500 * MB);
    expect(result.outcome).toBe("succeeded");
    const report = result.result as ImportReport;
    expect(report.documents).toBe(2);
    expect(report.errors).toEqual([expect.objectContaining({ file: "bomb.docx", message: expect.stringMatching(/unpacks to 300 MB/) })]);
    const run = await t.db().jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.attempts).toBe(1);
    const docs = await t.db().document.findMany({ where: { importRunId: runId }, include: { chunks: true } });
    expect(docs.map((d) => d.sourcePath).sort()).toEqual(["good.txt", "windows-notes.txt"]);
    expect(docs.find((d) => d.sourcePath === "windows-notes.txt")!.chunks.map((c) => c.text).join(" ")).toContain("Tides is a central idea");
  });
});
