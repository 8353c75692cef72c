// Cancelling an LLM extraction that waits on its endpoint, through the real queue and worker: an
// OpenAI-compatible server on 127.0.0.1 asks for a two-minute Retry-After (or never answers), and
// the cancel must end the run within seconds, with nothing logged after it but the cancellation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { getBoss } from "@/lib/server/jobs/boss";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { cancelRun } from "@/lib/server/services/jobs/control-run";
import { startExtraction } from "@/lib/server/services/knowledge/start-extraction";
import { useTestDatabase } from "@/test/database";
import { paragraph, tempFolder } from "@/test/fixtures";
import { startOpenAiServer, type Scripted } from "@/test/openai-server";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { runInline } from "./run-inline";
import { startWorkers } from "./start-workers";

const t = useTestDatabase();
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const dir = tempFolder({ "biology/cells.md": `# Cells\n\n${paragraph("Cells")}` });
  expect((await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: dir } })).outcome).toBe("succeeded");
  await startWorkers(await getBoss({ supervise: true }), { pollingIntervalSeconds: 0.5, lease: { leaseMs: 5000, heartbeatMs: 1000, sweepMs: 1000 } });
});

/** Starts an extraction against a server answering `script`, waits until the endpoint was called, cancels it. */
async function cancelWhileWaiting(name: string, script: () => Scripted) {
  const server = await startOpenAiServer(script);
  servers.push(server);
  await t.db().endpoint.create({ data: { name, baseUrl: server.baseURL, model: "m1" } });
  const run = await startExtraction(t.db(), { discipline: "biology", engine: "llm", endpoint: name, force: true }, BY_SYSTEM);
  await expect.poll(() => server.requests.length, { timeout: 20_000 }).toBe(1);
  // The answer is in (or the request hangs): the adapter now waits.
  await new Promise((r) => setTimeout(r, 500));
  const cancelledAt = Date.now();
  await cancelRun(t.db(), run.id);
  await expect.poll(async () => (await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id } })).status, { timeout: 15_000, interval: 100 }).toBe("CANCELLED");
  const seconds = (Date.now() - cancelledAt) / 1000;
  const logs = await t.db().jobLog.findMany({ where: { runId: run.id }, orderBy: { id: "asc" } });
  const cancel = logs.findIndex((l) => l.message === "Cancellation requested by a user");
  return { server, seconds, logs: logs.map((l) => l.message), after: logs.slice(cancel + 1).map((l) => l.message), cancel };
}

describe("cancelling an LLM extraction while it waits on its endpoint", () => {
  it("interrupts a retry wait (503 with a two-minute Retry-After) at once, logging nothing after the cancel but the cancellation", async () => {
    const { server, seconds, logs, after, cancel } = await cancelWhileWaiting("unavailable", () => ({ status: 503, headers: { "retry-after": "120" } }));
    // The worker sees the cancel within its watch interval, not when the 120 s wait would end.
    expect(seconds).toBeLessThan(10);
    expect(cancel).toBeGreaterThanOrEqual(0);
    expect(after).toEqual(["Cancelled by a user"]);
    expect(logs.join("\n")).not.toMatch(/will retry/);
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a request in flight to an endpoint that never answers", async () => {
    const { server, seconds, after } = await cancelWhileWaiting("silent", () => ({ hang: true }));
    expect(seconds).toBeLessThan(10);
    expect(after).toEqual(["Cancelled by a user"]);
    expect(server.requests).toHaveLength(1);
  });
});
