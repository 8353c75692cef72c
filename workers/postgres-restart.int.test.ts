// PostgreSQL stopped and started again while a worker process extracts the shared corpus. The
// server is this file's own embedded one (own data directory and port), never the shared test
// server other files use. While it is down the API answers 503 DATABASE_UNAVAILABLE in the one
// error shape; once it is back the run either resumed by itself or failed with a clear error and a
// retry finished it, and the structure equals a clean run's: nothing half-written, nothing doubled.
// The worker process rides the outage out without exiting.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob, requeueRun } from "@/lib/jobs/enqueue";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { createDb, db, disconnectDb, type Db } from "@/lib/server/db";
import { acquireEmbeddedPostgres, stopServer, urlFor, type EmbeddedLease } from "@/lib/server/embedded-postgres";
import { stopBoss } from "@/lib/server/jobs/boss";
import { migrate } from "@/lib/server/migrate";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { callRoute } from "@/test/http";
import { SHARED_CORPUS } from "@/test/fixtures";
import { workerProcesses } from "@/test/worker-processes";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { runInline } from "@/workers/runtime/run-inline";
import { GET as jobsGet } from "@/app/api/jobs/route";
import { GET as healthGet } from "@/app/api/health/route";

const serverHome = fs.mkdtempSync(path.join(os.tmpdir(), "proda-restart-pg-"));
const workerHome = fs.mkdtempSync(path.join(os.tmpdir(), "proda-restart-worker-"));
const LEASE_ENV = { PRODA_JOB_LEASE_SECONDS: "3", PRODA_JOB_HEARTBEAT_SECONDS: "1", PRODA_JOB_SWEEP_SECONDS: "1" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let lease: EmbeddedLease;
let url = "";
let baselineUrl = "";
const { workers, startWorker, kill, outputs, waitForMiddle, waitForEnd } = workerProcesses(() => ({ DATABASE_URL: url, PRODA_HOME: workerHome, ...LEASE_ENV }), () => db());

const counts = async (d: Db) => ({
  concepts: await d.concept.count(),
  relations: await d.relation.count(),
  chains: await d.chain.count(),
  chainSteps: await d.chainStep.count(),
  extractedChunks: await d.chunkExtraction.count(),
});
let clean: Awaited<ReturnType<typeof counts>>;
// Five disciplines' documents keep the two extractions (clean and drill) short.
const EXTRACTED = ["biology", "chemistry", "physics", "economics", "psychology"];
const extraction = async (d: Db) => ({
  engine: "local" as const,
  documentIds: (await d.document.findMany({ where: { discipline: { slug: { in: EXTRACTED } } }, select: { id: true }, orderBy: { id: "asc" } })).map((x) => x.id),
});

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: lease.url });
  await c.connect();
  await c.query(sql);
  await c.end();
}

beforeAll(async () => {
  lease = await acquireEmbeddedPostgres(serverHome);
  lease.onLost(() => {}); // stopped on purpose below
  await admin("create database proda_restart");
  url = urlFor(lease.record.port, "proda_restart");
  await migrate(url);
  process.env.DATABASE_URL = url;
  await ensureDefaultDisciplines(db());
  const imported = await runInline(db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SHARED_CORPUS } });
  expect(imported.outcome).toBe("succeeded");
  await disconnectDb();
  // The clean run, in a copy made before anything was extracted.
  await admin("create database proda_restart_clean template proda_restart");
  baselineUrl = urlFor(lease.record.port, "proda_restart_clean");
  const baseline = createDb(baselineUrl);
  const extracted = await runInline(baseline, knowledgeExtractJob, knowledgeExtractHandler, await extraction(baseline));
  expect(extracted.outcome, extracted.error ?? "").toBe("succeeded");
  clean = await counts(baseline);
  await baseline.$disconnect();
  expect(clean.chains).toBeGreaterThan(0);
}, 240_000);

afterAll(async () => {
  for (const w of [...workers]) await kill(w, "SIGKILL");
  await stopBoss().catch(() => {});
  await disconnectDb();
  delete process.env.DATABASE_URL;
  await lease?.release().catch(() => {});
  await stopServer(path.join(serverHome, "pg"));
  fs.rmSync(serverHome, { recursive: true, force: true });
  fs.rmSync(workerHome, { recursive: true, force: true });
});

describe("PostgreSQL restarted while a worker extracts", () => {
  it("answers 503 in the error shape while down; the run resumes or fails cleanly and a retry completes it, as a clean run", async () => {
    const run = await enqueueJob(db(), knowledgeExtractJob, await extraction(db()), BY_SYSTEM);
    const worker = startWorker("A");
    await waitForMiddle(run.id);

    const dataDir = lease.record.dataDir;
    const port = lease.record.port;
    await stopServer(dataDir);

    // The API while the database is down: a 503 with the error shape, whether the request needed
    // the database for its caller (an API token) or for its answer.
    for (const [handler, pathname, headers] of [
      [healthGet, "/api/health", {}],
      [jobsGet, "/api/jobs", { authorization: "Bearer proda_restart_test_token" }],
    ] as const) {
      const answer = await callRoute(handler, "GET", pathname, { headers });
      expect(answer.status, `${pathname}: ${answer.text}`).toBe(503);
      expect(answer.json).toEqual({ error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/database cannot be reached/) } });
      expect(answer.headers.get("retry-after")).toBe("5");
    }

    // The worker has noticed (a heartbeat, a sweep or a write failed) before the server comes back.
    for (let i = 0; i < 600 && !/ECONNREFUSED|Connection terminated|terminating connection|Can't reach database|closed the connection|sweep failed|shutting down/i.test(worker.output.join("\n")); i++) await sleep(50);
    expect(worker.output.join("\n")).toMatch(/ECONNREFUSED|Connection terminated|terminating connection|Can't reach database|closed the connection|sweep failed|shutting down/i);

    lease = await acquireEmbeddedPostgres(serverHome, { preferredPort: port });
    lease.onLost(() => {});
    expect(lease.record.port).toBe(port);

    // The worker rides out the outage (workers/main.ts): it does not exit on the lost connection.
    const alive = () => expect(worker.exitCode ?? worker.signalCode, `the worker exited; its last lines:\n${worker.output.slice(-12).join("\n")}`).toBeNull();
    alive();
    let done = await waitForEnd(run.id, 150_000);
    if (done.status === "FAILED") {
      // Failed cleanly: a clear reason, then a retry completes it.
      expect(done.error, outputs()).toMatch(/database|connect|terminat|closed/i);
      await requeueRun(db(), knowledgeExtractJob, run.id);
      done = await waitForEnd(run.id, 150_000);
    }
    expect(done.status, `${done.error}\n${outputs()}`).toBe("SUCCEEDED");
    expect(await counts(db())).toEqual(clean);
    // Each chunk extracted once: no duplicate extraction marks, no chain twice.
    expect(await db().chunkExtraction.groupBy({ by: ["chunkId"], having: { chunkId: { _count: { gt: 1 } } } })).toEqual([]);
    expect(await db().chain.groupBy({ by: ["disciplineId", "signature"], having: { signature: { _count: { gt: 1 } } } })).toEqual([]);
    alive();
    console.log(`[postgres-restart] outcome: ${done.attempts} attempt(s), the worker kept running`);
  }, 400_000);
});
