// Failure classes and remote waits through the real queue: pg-boss workers in this process, an
// OpenAI-compatible server on 127.0.0.1 that answers what each test scripts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createChatModel } from "@/lib/adapters/llm/openai-compatible";
import { defineJob } from "@/lib/jobs/define";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { getBoss, stopBoss } from "@/lib/server/jobs/boss";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { paragraph, tempFolder } from "@/test/fixtures";
import { startOpenAiServer } from "@/test/openai-server";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import type { JobHandler } from "./job-context";
import { runInline } from "./run-inline";
import { startWorkers, type WorkerOptions } from "./start-workers";

const t = useTestDatabase();
const lease = { leaseMs: 5000, heartbeatMs: 1000, sweepMs: 1000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function waitFor(runId: string, statuses: string[], timeoutMs = 30_000) {
  const seen = new Set<string>();
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(50)) {
    const run = await t.db().jobRun.findUniqueOrThrow({ where: { id: runId }, include: { logs: true } });
    seen.add(run.status);
    if (statuses.includes(run.status)) return { run, seen };
  }
  throw new Error(`run ${runId} never reached ${statuses.join("/")}; saw ${[...seen].join(", ")}`);
}

const testJobs: WorkerOptions["jobs"] = [];
const startTestWorkers = async () => startWorkers(await getBoss({ supervise: true }), { pollingIntervalSeconds: 0.5, lease, jobs: testJobs });

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const dir = tempFolder({ "biology/cells.md": `# Cells\n\n${paragraph("Cells")}` });
  expect((await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: dir } })).outcome).toBe("succeeded");
  await startWorkers(await getBoss({ supervise: true }), { pollingIntervalSeconds: 0.5, lease });
});

describe("failure classes through the queue", () => {
  it("fails an extraction at once when its endpoint answers 401, never retrying it and never naming the key", async () => {
    const server = await startOpenAiServer(() => ({ status: 401 }));
    servers.push(server);
    Object.assign(process.env, { PRODA_LLM_BASE_URL: server.baseURL, PRODA_LLM_MODEL: "m1", PRODA_LLM_API_KEY: "sk-never-print-me-0123" });
    const queued = await enqueueJob(t.db(), knowledgeExtractJob, { discipline: "biology", engine: "llm", endpoint: "env" }, BY_SYSTEM);
    const { run } = await waitFor(queued.id, ["SUCCEEDED", "FAILED"]);
    expect(run).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(run.error).toMatch(/endpoint "env" \(m1\) refused the API key \(HTTP 401\)/);
    // Its queue job completed: pg-boss will not deliver it again (the old runtime retried it 4 times).
    // The run row is settled first and the queue job just after, so the state is polled, not read once.
    await expect.poll(async () => (await (await getBoss()).getJobById(knowledgeExtractJob.name, run.bossJobId!))?.state, { timeout: 10_000 }).toBe("completed");
    await sleep(1500);
    expect(server.requests).toHaveLength(1);
    for (const text of [run.error, run.message, ...run.logs.map((l) => l.message)]) expect(text ?? "").not.toContain("never-print");
    for (const key of ["PRODA_LLM_BASE_URL", "PRODA_LLM_MODEL", "PRODA_LLM_API_KEY"]) delete process.env[key];
  });

  it("waits out a 429's Retry-After without spending an attempt, then finishes", async () => {
    const server = await startOpenAiServer((_b, n) => (n === 1 ? { status: 429, headers: { "retry-after": "2" } } : { content: '{"answer":"ok"}' }));
    servers.push(server);
    const askJob = defineJob({ name: "test-ask", title: "Ask", payload: z.object({}), options: { retryLimit: 1, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 } });
    // Waits of more than half a second are the job's to make, not the client's.
    const model = createChatModel({ name: "busy", baseURL: server.baseURL, model: "m1", maxRateLimitWaitMs: 500 });
    const handler: JobHandler<object> = async () => model.complete({ schemaName: "answer", schema: z.object({ answer: z.string() }), system: "Answer.", user: "Ready?" });
    testJobs.push({ def: askJob, handler: handler as JobHandler<never> });
    await startTestWorkers();
    const queued = await enqueueJob(t.db(), askJob, {}, BY_SYSTEM);
    const waiting = await waitFor(queued.id, ["WAITING"]);
    expect(waiting.run).toMatchObject({ attempts: 0, message: "Rate limited: waiting 2 s" });
    const { run, seen } = await waitFor(queued.id, ["SUCCEEDED", "FAILED"]);
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 1, result: { answer: "ok" } });
    expect([...seen]).not.toContain("FAILED");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(1900);
    expect(run.logs.map((l) => l.message).join("\n")).toMatch(/HTTP 429.*not counted as an attempt/);
  });
});

describe("remote waits", () => {
  it("polls a remote state for longer than a delivery may last, across a worker restart, starting the remote work once", async () => {
    // A fake remote fine-tune: it succeeds 3 s after it was started.
    const remote = { starts: 0, polls: 0, readyAt: 0 };
    const start = () => ((remote.starts += 1), (remote.readyAt = Date.now() + 3000), `ft-${remote.starts}`);
    const pollJob = defineJob({
      name: "test-remote-wait",
      title: "Remote wait",
      payload: z.object({}),
      // One delivery may last 1 s at most: the whole wait takes 3.
      options: { retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 1 },
    });
    const handler: JobHandler<object> = async (ctx) => {
      const state = (ctx.saved as { job: string } | null) ?? { job: start() };
      remote.polls++;
      if (Date.now() < remote.readyAt) return ctx.waitUntil(new Date(Date.now() + 400), state, `Fine-tune ${state.job} is running`);
      return { model: `${state.job}:trained`, polls: remote.polls };
    };
    testJobs.push({ def: pollJob, handler: handler as JobHandler<never> });
    await startTestWorkers();
    const queued = await enqueueJob(t.db(), pollJob, {}, BY_SYSTEM);
    const waiting = await waitFor(queued.id, ["WAITING"]);
    expect(waiting.run).toMatchObject({ checkpoint: { job: "ft-1" }, message: "Fine-tune ft-1 is running", workerId: null });
    // The worker goes away while the run waits, and another starts.
    await stopBoss();
    await sleep(800);
    await startWorkers(await getBoss({ supervise: true }), { pollingIntervalSeconds: 0.5, lease });
    await startTestWorkers();
    const { run, seen } = await waitFor(queued.id, ["SUCCEEDED", "FAILED"], 20_000);
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 1, result: { model: "ft-1:trained" }, checkpoint: null });
    expect([...seen]).toEqual(expect.arrayContaining(["WAITING", "SUCCEEDED"]));
    expect(remote.starts).toBe(1);
    expect(remote.polls).toBeGreaterThanOrEqual(3);
  });
});
