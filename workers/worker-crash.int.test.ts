// Real worker processes (`node --import tsx workers/main.ts`) killed with SIGKILL in the middle of
// a corpus import and of an extraction: another worker takes the run back from its checkpoint, and
// the database ends up as after a clean run, with nothing duplicated.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { createDb, type Db } from "@/lib/server/db";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { workerProcesses, type WorkerProcess as Worker } from "@/test/worker-processes";
import { SHARED_CORPUS } from "@/test/fixtures";
import { withDatabase } from "@/test/global-setup";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { runInline } from "@/workers/runtime/run-inline";

const t = useTestDatabase();
const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-workers-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Short leases so the takeover does not take the production default's 45 s.
const LEASE_ENV = { PRODA_JOB_LEASE_SECONDS: "3", PRODA_JOB_HEARTBEAT_SECONDS: "1", PRODA_JOB_SWEEP_SECONDS: "1" };

const { workers, startWorker, kill, outputs, waitForMiddle, waitForEnd } = workerProcesses(() => ({ DATABASE_URL: t.url(), PRODA_HOME: home, ...LEASE_ENV }), () => t.db());

// Four disciplines' documents keep the extraction (and this file) short; the import is the whole corpus.
const EXTRACTED = ["biology", "chemistry", "physics", "economics"];
const extraction = async (db: Db) => ({
  engine: "local" as const,
  label: "crash test",
  documentIds: (await db.document.findMany({ where: { discipline: { slug: { in: EXTRACTED } } }, select: { id: true } })).map((d) => d.id),
});

const counts = async (db: Db) => ({
  documents: await db.document.count(),
  chunks: await db.chunk.count(),
  concepts: await db.concept.count(),
  relations: await db.relation.count(),
  chains: await db.chain.count(),
  chainSteps: await db.chainStep.count(),
  extractedChunks: await db.chunkExtraction.count(),
});

// A clean run of the same import and extraction, in a database of its own, in this process.
const baselineName = `proda_baseline_${crypto.randomBytes(4).toString("hex")}`;
const adminUrl = inject("pgAdminUrl");
let baseline: Db;
let clean: { imported: Awaited<ReturnType<typeof counts>>; extracted: Awaited<ReturnType<typeof counts>>; importReport: unknown; extractReport: unknown };

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(sql);
  await c.end();
}

beforeAll(async () => {
  await admin(`create database ${baselineName} template ${inject("pgTemplate")}`);
  baseline = createDb(withDatabase(adminUrl, baselineName));
  await ensureDefaultDisciplines(baseline);
  const imported = await runInline(baseline, corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SHARED_CORPUS } });
  expect(imported.outcome).toBe("succeeded");
  const importCounts = await counts(baseline);
  const extracted = await runInline(baseline, knowledgeExtractJob, knowledgeExtractHandler, await extraction(baseline));
  expect(extracted.outcome).toBe("succeeded");
  clean = { imported: importCounts, extracted: await counts(baseline), importReport: imported.result, extractReport: extracted.result };
  await ensureDefaultDisciplines(t.db());
}, 180_000);

afterAll(async () => {
  for (const w of [...workers]) await kill(w, "SIGKILL");
  await baseline?.$disconnect();
  await admin(`drop database if exists ${baselineName} with (force)`);
  fs.rmSync(home, { recursive: true, force: true });
});

describe("a worker process killed mid-run", () => {
  let survivor: Worker;

  it("imports ../shared/corpus completely after the first worker is SIGKILLed at 20-80%", async () => {
    const run = await enqueueJob(t.db(), corpusImportJob, { source: { kind: "path", path: SHARED_CORPUS } }, BY_SYSTEM);
    const first = startWorker("A");
    const middle = await waitForMiddle(run.id);
    await kill(first, "SIGKILL");
    expect(middle.workerId).toMatch(new RegExp(`:${first.pid}:`));

    survivor = startWorker("B");
    const done = await waitForEnd(run.id, 120_000);
    expect(done.status, `${done.error}\n${outputs()}`).toBe("SUCCEEDED");
    expect(done.attempts).toBe(2);
    expect(done.logs.map((l) => l.message).join("\n")).toMatch(new RegExp(`Its worker \\([^)]*:${first.pid}:[^)]*\\) stopped responding`));
    expect(await counts(t.db())).toMatchObject({ documents: clean.imported.documents, chunks: clean.imported.chunks });
    const report = done.result as Record<string, unknown>;
    const cleanReport = clean.importReport as Record<string, unknown>;
    for (const key of ["documents", "chunks", "tokens", "processed", "unchanged"]) expect(report[key], key).toEqual(cleanReport[key]);
    expect(await t.db().chunk.groupBy({ by: ["documentId", "ordinal"], having: { ordinal: { _count: { gt: 1 } } } })).toEqual([]);
  }, 180_000);

  it("extracts the structure of four disciplines completely after the worker running it is SIGKILLed at 20-80%", async () => {
    const run = await enqueueJob(t.db(), knowledgeExtractJob, await extraction(t.db()), BY_SYSTEM);
    const middle = await waitForMiddle(run.id);
    await kill(survivor, "SIGKILL");
    expect(middle.workerId).toMatch(new RegExp(`:${survivor.pid}:`));

    const third = startWorker("C");
    const done = await waitForEnd(run.id, 120_000);
    expect(done.status, `${done.error}\n${outputs()}`).toBe("SUCCEEDED");
    expect(done.attempts).toBe(2);
    expect(await counts(t.db())).toEqual(clean.extracted);
    const report = done.result as { chunks: { skipped: number; extracted: number; selected: number }; concepts: number; relations: number; chains: number };
    const cleanReport = clean.extractReport as typeof report;
    expect({ concepts: report.concepts, relations: report.relations, chains: report.chains }).toEqual({ concepts: cleanReport.concepts, relations: cleanReport.relations, chains: cleanReport.chains });
    // The second attempt skipped what the first had extracted, and extracted each chunk once.
    expect(report.chunks.skipped).toBeGreaterThan(0);
    expect(report.chunks.skipped + report.chunks.extracted).toBe(cleanReport.chunks.selected);

    // The last worker stops cleanly on SIGTERM.
    const exited = once(third, "exit");
    third.kill("SIGTERM");
    expect((await exited)[0]).toBe(0);
  }, 180_000);
});
