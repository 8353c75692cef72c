// Several worker processes on one queue, as on several machines: each is given the database as an
// explicit DATABASE_URL (as an external PostgreSQL would be) and a PRODA_HOME of its own, and starts
// no embedded server. Many small imports are queued at once: each runs exactly once (one attempt,
// one worker, its documents written once) and the work spreads over the workers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { workerProcesses, type WorkerProcess } from "@/test/worker-processes";

const t = useTestDatabase();
const homes: string[] = [];
const machineHome = () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-machine-"));
  homes.push(home);
  return home;
};
// The same master key on every machine: what one machine encrypts (endpoint keys) another decrypts.
const SHARED_ENV = { PRODA_SECRET: "several workers test master key" };
const { workers, startWorker, kill, outputs, waitForEnd, waitReady } = workerProcesses(() => ({ DATABASE_URL: t.url(), ...SHARED_ENV }), () => t.db());

// One job per discipline folder of ../shared/corpus (four documents each).
const folders = fs.readdirSync(SHARED_CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const STARTED_ON = /^(?:Started|Resuming from the last checkpoint|Attempt \d+: resuming from the last checkpoint) on worker (\S+)$/;

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  expect(folders.length).toBeGreaterThanOrEqual(12);
});

afterAll(async () => {
  for (const w of [...workers]) await kill(w, "SIGKILL");
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

/** Starts `n` workers, each on its own "machine", queues an import per folder, and waits for every run. */
async function drain(n: number, batch: string[]) {
  const started: { worker: WorkerProcess; home: string; pid: number }[] = [];
  for (let i = 0; i < n; i++) {
    const home = machineHome();
    const worker = startWorker(`${n}w-${i}`, { PRODA_HOME: home });
    started.push({ worker, home, pid: worker.pid! });
  }
  // Every worker listens before anything is queued, so none has a head start.
  for (const s of started) await waitReady(s.worker);
  const runs = [];
  for (const folder of batch) runs.push(await enqueueJob(t.db(), corpusImportJob, { source: { kind: "path", path: path.join(SHARED_CORPUS, folder) }, discipline: folder }, BY_SYSTEM));
  const done = [];
  for (const run of runs) done.push(await waitForEnd(run.id, 180_000));
  for (const s of started) await kill(s.worker, "SIGTERM");
  return { started, done };
}

async function expectEachRanOnce(result: Awaited<ReturnType<typeof drain>>, batch: string[]) {
  const { started, done } = result;
  const ranBy = new Map<string, number>();
  for (const run of done) {
    expect(run.status, `${run.error}\n${outputs()}`).toBe("SUCCEEDED");
    expect(run.attempts).toBe(1);
    // One delivery, by one worker: exactly one "on worker" line.
    const on = run.logs.map((l) => STARTED_ON.exec(l.message)?.[1]).filter((w): w is string => !!w);
    expect(on, run.logs.map((l) => l.message).join("\n")).toHaveLength(1);
    const pid = Number(on[0].split(":")[1]);
    expect(started.map((s) => s.pid)).toContain(pid);
    ranBy.set(String(pid), (ranBy.get(String(pid)) ?? 0) + 1);
    expect((run.result as { documents: number }).documents).toBe(4);
  }
  // Each folder's documents are written once: four per discipline, no chunk twice.
  const documents = await t.db().document.groupBy({ by: ["disciplineId"], _count: { _all: true }, where: { discipline: { slug: { in: batch } } } });
  expect(documents.map((d) => d._count._all)).toEqual(batch.map(() => 4));
  expect(await t.db().chunk.groupBy({ by: ["documentId", "ordinal"], having: { ordinal: { _count: { gt: 1 } } } })).toEqual([]);
  // The queue holds each job once, completed on its first try.
  const jobs = await t.db().$queryRaw<{ state: string; retry_count: number }[]>`SELECT state::text, retry_count FROM pgboss.job WHERE name = 'corpus-import' AND id::text = ANY(${done.map((r) => r.bossJobId)})`;
  expect(jobs).toHaveLength(done.length);
  expect(jobs.every((j) => j.state === "completed" && j.retry_count === 0), JSON.stringify(jobs)).toBe(true);
  // No worker started an embedded PostgreSQL (no pg/, no postgres.json) or wrote anything else to
  // its machine's PRODA_HOME: the database is the URL they were given, and it holds everything.
  for (const s of started) expect(fs.readdirSync(s.home), s.home).toEqual([]);
  return ranBy;
}

describe("several worker processes on one queue and one external-style DATABASE_URL", () => {
  const half = Math.floor(folders.length / 2);

  it("two workers: every import runs exactly once, and both take work", async () => {
    const batch = folders.slice(0, half);
    const ranBy = await expectEachRanOnce(await drain(2, batch), batch);
    expect(ranBy.size, JSON.stringify([...ranBy])).toBe(2);
  }, 300_000);

  it("three workers: every import runs exactly once, and the work spreads over more than one", async () => {
    const batch = folders.slice(half);
    const ranBy = await expectEachRanOnce(await drain(3, batch), batch);
    expect(ranBy.size, JSON.stringify([...ranBy])).toBeGreaterThan(1);
  }, 300_000);
});
