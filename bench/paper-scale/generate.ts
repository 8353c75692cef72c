/**
 * A synthetic workspace at the paper's scale in a PRODA_HOME of its own, for the paper-scale
 * figures (bench/RESULTS.md, "At the paper's scale"):
 *
 *   npx tsx bench/paper-scale/generate.ts --home DIR [--chunks 48000] [--concepts 7500] [--chains 800] [--extra 16500] [--budget 10000] [--structure-only]
 *
 * (sizes per discipline except --chunks; the defaults make ~120K concepts, ~300K relations,
 * ~12.8K chains, 48K chunks, 160K training instances in the 16 default disciplines).
 *
 * What stands in for days of work is written straight into Postgres with createMany batches:
 * the documents and their chunks (paragraphs of ../shared/corpus in the chunk's discipline, each
 * with a unique marker, plus the evidence sentences and definitions extracted from it) and the
 * structure of bench/synthetic-structure.ts scaled up, every concept, relation and chain linked to
 * the chunk it came from as extraction links them. What a team runs is then run through the real
 * jobs, as the CLI runs them: benchmark-build (frozen), training-set-build, orthogonality-check.
 * The database is created and migrated as `npm start` does (lib/server/database.ts), and the
 * demo workspace is seeded as on a first start. Writes `bench-workspace.json` into the home:
 * what bench/api-latency.ts and bench/evaluation-throughput.ts use there. `--structure-only` stops
 * before the jobs (enough for the search and subgraph figures of bench/api-latency.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { contentHash } from "@/lib/domain/corpus/hash";
import { countTokens } from "@/lib/domain/corpus/tokens";
import { DEFAULT_DISCIPLINES } from "@/lib/domain/disciplines";
import { canonicalName } from "@/lib/domain/knowledge/canonical";
import { generateStructure, time, type Structure } from "../synthetic-structure";
import { memoryReport, postgresReport } from "./memory";

const root = fileURLToPath(new URL("../..", import.meta.url));
const corpus = path.resolve(root, "../shared/corpus");
const { values: args } = parseArgs({
  options: {
    home: { type: "string" },
    chunks: { type: "string", default: "48000" },
    concepts: { type: "string", default: "7500" },
    chains: { type: "string", default: "800" },
    extra: { type: "string", default: "16500" },
    budget: { type: "string", default: "10000" },
    "chunks-per-document": { type: "string", default: "12" },
    "structure-only": { type: "boolean", default: false },
  },
});
if (!args.home) throw new Error("--home DIR is required (a fresh PRODA_HOME; it is kept)");
const home = path.resolve(args.home);
if (fs.existsSync(path.join(home, "bench-workspace.json"))) throw new Error(`${home} already holds a generated workspace`);
fs.mkdirSync(home, { recursive: true });
process.env.PRODA_HOME = home;
delete process.env.DATABASE_URL;

const slugs = DEFAULT_DISCIPLINES.map((d) => d.slug);
const chunksPerDiscipline = Math.ceil(Number(args.chunks) / slugs.length);
const perDocument = Number(args["chunks-per-document"]);

const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb } = await import("@/lib/server/db");
const { ensureDemoWorkspace } = await import("@/prisma/seed/demo-workspace");
const { runInline } = await import("@/workers/runtime/run-inline");
const { benchmarkBuildJob } = await import("@/lib/jobs/benchmark-build");
const { trainingSetBuildJob } = await import("@/lib/jobs/training-set-build");
const { orthogonalityCheckJob } = await import("@/lib/jobs/orthogonality-check");
const { benchmarkBuildHandler } = await import("@/workers/handlers/benchmark-build");
const { trainingSetBuildHandler } = await import("@/workers/handlers/training-set-build");
const { orthogonalityCheckHandler } = await import("@/workers/handlers/orthogonality-check");

/** Paragraphs of the shared corpus per discipline (the chunks' prose). */
function paragraphsBySlug(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const slug of slugs) {
    const dir = path.join(corpus, slug);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    const paragraphs = files.flatMap((f) =>
      fs.readFileSync(path.join(dir, f), "utf8").split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 200 && !p.startsWith("#")),
    );
    out.set(slug, paragraphs.length ? paragraphs : ["A paragraph of text about the discipline."]);
  }
  return out;
}

const phrase = (predicate: string) => predicate.replace(/_/g, " ");
const batches = async <T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) => {
  for (let a = 0; a < rows.length; a += size) await write(rows.slice(a, a + size));
};

const started = performance.now();
const structure: Structure[] = await time("generate the structure (in memory)", () =>
  generateStructure({ slugs, concepts: Number(args.concepts), chains: Number(args.chains), extraRelations: Number(args.extra) }),
);
const totals = structure.reduce((t, s) => ({ c: t.c + s.concepts.length, r: t.r + s.relations.length, k: t.k + s.chains.length }), { c: 0, r: 0, k: 0 });
console.log(`  ${totals.c} concepts, ${totals.r} relations, ${totals.k} chains in ${structure.length} disciplines`);

const handle = await time("database: create and migrate (as npm start)", () => openDatabase());
const db = getDb();
const made: Record<string, unknown> = {};
try {
  await time("demo workspace (as on a first start)", () => ensureDemoWorkspace(db));
  const disciplines = new Map((await db.discipline.findMany({ select: { id: true, slug: true } })).map((d) => [d.slug, d.id]));
  const prose = paragraphsBySlug();
  let documents = 0;
  let chunks = 0;
  let tokens = 0;
  await time(`write documents and ${chunksPerDiscipline * slugs.length} chunks, the structure linked to them (createMany)`, async () => {
    for (const s of structure) {
      const disciplineId = disciplines.get(s.slug)!;
      const names = new Map(s.concepts.map((c) => [c.id, c.name]));
      // Each relation's evidence names its ends, as a sentence of its chunk; relations, then the
      // concepts first met in them, are spread over the discipline's chunks in order.
      const relations = s.relations.map((r, i) => ({
        ...r,
        evidence: `${names.get(r.subjectId)} ${phrase(r.predicate)} ${names.get(r.objectId)}.`,
        chunk: Math.floor((i * chunksPerDiscipline) / s.relations.length),
      }));
      const conceptChunk = new Map<string, number>();
      for (const r of relations) for (const c of [r.subjectId, r.objectId]) if (!conceptChunk.has(c)) conceptChunk.set(c, r.chunk);
      s.concepts.forEach((c, i) => conceptChunk.has(c.id) || conceptChunk.set(c.id, i % chunksPerDiscipline));
      const sentences: string[][] = Array.from({ length: chunksPerDiscipline }, () => []);
      for (const c of s.concepts) sentences[conceptChunk.get(c.id)!].push(c.definition);
      for (const r of relations) sentences[r.chunk].push(r.evidence);
      const paragraphs = prose.get(s.slug)!;
      const docs = Math.ceil(chunksPerDiscipline / perDocument);
      const docRows = Array.from({ length: docs }, (_, d) => ({
        id: `${s.slug}-doc${d}`, disciplineId, title: `${s.slug} synthetic document ${d}`, sourcePath: `paper-scale/${s.slug}/doc-${d}.txt`,
        format: "text", contentHash: contentHash(`${s.slug} document ${d}`), chunkCount: Math.min(perDocument, chunksPerDiscipline - d * perDocument), tokens: 0,
      }));
      const chunkRows = sentences.map((extracted, k) => {
        const text = `Passage ${s.slug} ${k}. ${paragraphs[k % paragraphs.length]}\n\n${extracted.join(" ")}`;
        const t = countTokens(text);
        docRows[Math.floor(k / perDocument)].tokens += t;
        return { id: `${s.slug}-ch${k}`, documentId: `${s.slug}-doc${Math.floor(k / perDocument)}`, disciplineId, ordinal: k % perDocument, heading: "Synthetic", text, tokens: t, contentHash: contentHash(text) };
      });
      await batches(docRows, 2000, (b) => db.document.createMany({ data: b }));
      await batches(chunkRows, 1000, (b) => db.chunk.createMany({ data: b }));
      const chunkId = (k: number) => `${s.slug}-ch${k}`;
      const provenance = { extractor: "local", model: "paper-scale-generator" };
      // Keys as extraction merges by; the rare plural-looking code that would clash keeps its own.
      const keys = new Set<string>();
      const keyOf = (name: string) => {
        const key = keys.has(canonicalName(name)) ? name.toLowerCase() : canonicalName(name);
        keys.add(key);
        return key;
      };
      await batches(s.concepts, 5000, (b) =>
        db.concept.createMany({ data: b.map((c) => ({ ...c, disciplineId, canonicalName: keyOf(c.name), evidence: c.definition, chunkId: chunkId(conceptChunk.get(c.id)!), ...provenance })) }),
      );
      await batches(relations, 5000, (b) =>
        db.relation.createMany({ data: b.map(({ chunk, ...r }) => ({ ...r, disciplineId, chunkId: chunkId(chunk), confidence: 0.8, ...provenance })) }),
      );
      const chunkOfRelation = new Map(relations.map((r) => [r.id, r.chunk]));
      await batches(s.chains, 5000, (b) =>
        db.chain.createMany({ data: b.map((c) => ({ id: c.id, disciplineId, signature: c.relationIds.join(","), chunkId: chunkId(chunkOfRelation.get(c.relationIds[0])!), ...provenance })) }),
      );
      await batches(s.chains.flatMap((c) => c.relationIds.map((relationId, position) => ({ chainId: c.id, position, relationId }))), 10000, (b) => db.chainStep.createMany({ data: b }));
      documents += docRows.length;
      chunks += chunkRows.length;
      tokens += chunkRows.reduce((n, c) => n + c.tokens, 0);
    }
  });
  console.log(`  ${documents} documents, ${chunks} chunks, ${tokens} tokens`);
  await time("ANALYZE (as autovacuum would after bulk writes)", () => db.$executeRawUnsafe("ANALYZE"));
  Object.assign(made, { documents, chunks, tokens, concepts: totals.c, relations: totals.r, chains: totals.k });

  if (!args["structure-only"]) Object.assign(made, await runJobs());

  // What the load generator asks for: words and phrases the concepts' names are made of, and
  // concepts with relations to start subgraphs from, in every discipline.
  const seeds = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (SELECT c.id, row_number() OVER (PARTITION BY c."disciplineId" ORDER BY c.id) AS n FROM "Concept" c
      WHERE EXISTS (SELECT 1 FROM "Relation" r WHERE r."subjectId" = c.id)) x WHERE n <= 4 ORDER BY id`;
  Object.assign(made, {
    terms: ["energy", "membrane", "kinetic energy", "market", "cellular", "signal pathway", "neural network", "fiscal policy", "thermal", "gene",
      "organic reaction", "capital", "electric field", "social norm", "structure", "magnetic force", "cell", "protein", "population", "temperature"],
    subgraphSeeds: seeds.map((s) => s.id),
  });
  console.log("peak memory (VmHWM):");
  for (const line of memoryReport(process.pid)) console.log(`  ${line}`);
  console.log(`  ${postgresReport(home)}`);
  fs.writeFileSync(path.join(home, "bench-workspace.json"), JSON.stringify({ ...made, generatedIn: `${((performance.now() - started) / 1000).toFixed(0)} s` }, null, 2));
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${home}/bench-workspace.json`);
} finally {
  await disconnectDb();
  await handle.release();
}

/** What a team runs on the structure, through the real jobs: the frozen benchmark, the training set and the gate. */
async function runJobs() {
  const b = await time("job benchmark-build (frozen)", () => runInline(db, benchmarkBuildJob, benchmarkBuildHandler, { freeze: true, name: "paper-scale" }));
  if (b.outcome !== "succeeded") throw new Error(`benchmark-build ${b.outcome}: ${b.error}`);
  const benchmark = b.result as { benchmarkId: string; items: number };
  console.log(`  ${JSON.stringify(b.result).slice(0, 300)}`);
  const t = await time("job training-set-build", () => runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "paper-scale", budget: Number(args.budget) }));
  if (t.outcome !== "succeeded") throw new Error(`training-set-build ${t.outcome}: ${t.error}`);
  const set = t.result as { trainingSetId: string; instances: number };
  console.log(`  ${set.instances} instances`);
  const g = await time("job orthogonality-check", () => runInline(db, orthogonalityCheckJob, orthogonalityCheckHandler, { trainingSetId: set.trainingSetId }));
  const gate = g.result as { passed: boolean; violations: number };
  console.log(`  ${JSON.stringify({ outcome: g.outcome, passed: gate?.passed, violations: gate?.violations })}`);
  await time("ANALYZE", () => db.$executeRawUnsafe("ANALYZE"));
  return { benchmarkId: benchmark.benchmarkId, items: benchmark.items, trainingSetId: set.trainingSetId, instances: set.instances, gate };
}
