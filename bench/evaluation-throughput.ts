/**
 * Evaluation throughput against a loopback OpenAI-compatible endpoint with a fixed latency: a
 * frozen synthetic benchmark of N items is evaluated through the real job (runInline) in a fresh
 * workspace, and the items answered per second are compared with what the endpoint can serve at
 * the configured concurrency (concurrency / latency). The goal is at least 90%.
 *
 *   npx tsx bench/evaluation-throughput.ts [items=2000] [latencyMs=50] [concurrency=8] [--home DIR]
 *
 * With --home, a workspace made by bench/paper-scale/generate.ts: its frozen benchmark (all its
 * items; `items` is ignored) is evaluated there, and the home is kept. Prints the peak memory of
 * this process (the job, the loopback server) and of the embedded Postgres. The endpoint's slots are
 * shared through Postgres as a worker's are (lib/server/jobs/endpoint-slots.ts); --process-slots
 * limits it in this process only, as before they were, for comparison.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const homeAt = process.argv.indexOf("--home");
const given = homeAt > 0 ? path.resolve(process.argv[homeAt + 1]) : null;
const processSlots = process.argv.includes("--process-slots");
const positional = process.argv.slice(2).filter((_, i, all) => all[i] !== "--home" && all[i - 1] !== "--home" && all[i] !== "--process-slots");
const [LATENCY, CONCURRENCY] = [Number(positional[1] ?? 50), Number(positional[2] ?? 8)];
let N = Number(positional[0] ?? 2000);
process.env.PRODA_HOME = given ?? fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-eval-"));
delete process.env.DATABASE_URL;
const { postgresReport } = await import("./paper-scale/memory");

const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const { ensureDefaultDisciplines } = await import("@/lib/server/services/disciplines");
const { registerModel } = await import("@/lib/server/services/models/register-model");
const { modelEvaluateJob } = await import("@/lib/jobs/model-evaluate");
const { modelEvaluateHandler } = await import("@/workers/handlers/model-evaluate");
const { runInline } = await import("@/workers/runtime/run-inline");
const { startOpenAiServer } = await import("@/test/openai-server");
const { shareEndpointSlots } = await import("@/lib/server/jobs/endpoint-slots");

const handle = await openDatabase();
const db = getDb();
const stopSharingSlots = processSlots ? async () => {} : shareEndpointSlots(handle.url);
const server = await startOpenAiServer(() => ({ content: "B", delayMs: LATENCY }));
try {
  let benchmark: { id: string };
  if (given) {
    const generated = JSON.parse(fs.readFileSync(path.join(given, "bench-workspace.json"), "utf8")) as { benchmarkId: string };
    benchmark = { id: generated.benchmarkId };
    N = await db.benchmarkItem.count({ where: { benchmarkId: benchmark.id, status: "ACTIVE" } }); // what the job evaluates
  } else {
    await ensureDefaultDisciplines(db);
    const discipline = await db.discipline.findFirstOrThrow({ where: { slug: "biology" } });
    benchmark = await db.benchmark.create({ data: { version: 1, name: "throughput", status: "FROZEN", seed: 1, report: {}, itemCount: N, frozenAt: new Date() } });
    const options = (i: number) => ["ANSWER", "INVREL", "TRUNC", "NEARMISS"].map((operator, k) => ({ text: `option ${k} of item ${i}`, conceptId: `c${i}-${k}`, operator }));
    await db.benchmarkItem.createMany({
      data: Array.from({ length: N }, (_, i) => ({ benchmarkId: benchmark.id, disciplineId: discipline.id, position: i, stem: `Synthetic question ${i}: which option follows?`, options: options(i), answerIndex: 1, difficulty: 2, path: [] })),
    });
  }
  const name = `loopback-${Date.now()}`;
  await db.endpoint.create({ data: { name, baseUrl: server.baseURL, model: "fixed-latency", concurrency: CONCURRENCY } });
  const model = await registerModel(db, null, { name: `${name}-model`, stage: "BASE", endpoint: name });
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const run = await runInline(db, modelEvaluateJob, modelEvaluateHandler, { modelVersionId: model.id, benchmarkId: benchmark.id });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (run.outcome !== "succeeded") throw new Error(`evaluation ${run.outcome}: ${run.error}`);
  const served = N / seconds;
  const capacity = CONCURRENCY / (LATENCY / 1000);
  console.log(`${N} items, ${LATENCY} ms latency, concurrency ${CONCURRENCY} (${processSlots ? "this process's slots" : "slots shared through Postgres"}): ${seconds.toFixed(1)} s, ${served.toFixed(1)} items/s of ${capacity.toFixed(0)} possible (${((100 * served) / capacity).toFixed(0)}%), at most ${server.maxInFlight()} in flight; ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms CPU per item in this process`);
  console.log(`peak memory: this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ${postgresReport(process.env.PRODA_HOME!)}`);
} finally {
  await server.close();
  await stopSharingSlots();
  await disconnectDb();
  await handle.release();
  if (!given) fs.rmSync(process.env.PRODA_HOME!, { recursive: true, force: true });
}
