/**
 * Local extraction at the paper's scale, measured on a sample: the real knowledge-extract job
 * (local engine, as `proda extract` runs it) on the chunks of a few documents per discipline of
 * a workspace made by bench/paper-scale/generate.ts, so every extracted concept is merged into a
 * structure of ~120K concepts and ~300K relations. Prints the rate and its extrapolation to all
 * the workspace's chunks (an extrapolation, labelled as one). It adds drafts to the workspace:
 * run it after the latency and evaluation figures.
 *
 *   npx tsx bench/paper-scale/extract-sample.ts --home DIR [--documents-per-discipline 3]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { postgresReport } from "./memory";

const { values: args } = parseArgs({ options: { home: { type: "string" }, "documents-per-discipline": { type: "string", default: "3" } } });
if (!args.home) throw new Error("--home DIR is required (a workspace made by bench/paper-scale/generate.ts)");
const home = path.resolve(args.home);
process.env.PRODA_HOME = home;
delete process.env.DATABASE_URL;

const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const { runInline } = await import("@/workers/runtime/run-inline");
const { knowledgeExtractJob } = await import("@/lib/jobs/knowledge-extract");
const { knowledgeExtractHandler } = await import("@/workers/handlers/knowledge-extract");
type Report = { chunks: { extracted: number; skipped: number; failed: number }; created: { concepts: number; relations: number; chains: number } };

const handle = await openDatabase();
const db = getDb();
try {
  const perDiscipline = Number(args["documents-per-discipline"]);
  // The generated documents only (the demo corpus's are left alone), spread over the disciplines.
  const documents = await db.$queryRaw<{ id: string; chunks: number }[]>`
    SELECT id, "chunkCount" AS chunks FROM (
      SELECT d.id, d."chunkCount", row_number() OVER (PARTITION BY d."disciplineId" ORDER BY d.id) AS n
      FROM "Document" d WHERE d."sourcePath" LIKE 'paper-scale/%') x
    WHERE n <= ${perDiscipline} ORDER BY id`;
  const total = await db.chunk.count();
  const before = { concepts: await db.concept.count(), relations: await db.relation.count() };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runInline(db, knowledgeExtractJob, knowledgeExtractHandler, { engine: "local", documentIds: documents.map((d) => d.id), label: "bench/paper-scale/extract-sample.ts" });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (run.outcome !== "succeeded") throw new Error(`knowledge-extract ${run.outcome}: ${run.error}`);
  const r = run.result as Report;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = r.chunks.extracted / seconds;
  console.log(`structure before: ${before.concepts} concepts, ${before.relations} relations; workspace chunks: ${total}`);
  console.log(`sample: ${documents.length} documents, ${r.chunks.extracted} chunks extracted (${r.chunks.skipped} skipped, ${r.chunks.failed} failed)`);
  console.log(`created ${r.created.concepts} concepts, ${r.created.relations} relations, ${r.created.chains} chains`);
  console.log(`${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU in this process: ${rate.toFixed(1)} chunks/s, ${((1000 * cpuSeconds) / r.chunks.extracted).toFixed(1)} ms CPU a chunk`);
  console.log(`extrapolated (not measured) to all ${total} chunks at this rate: ${(total / rate / 60).toFixed(0)} min with one worker`);
  console.log(`peak memory: this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ${postgresReport(home)}`);
} finally {
  await disconnectDb();
  await handle.release();
}
