/**
 * The Tester, the Builder and the orthogonality gate at the paper's scale, on a synthetic
 * structure generated here (16 disciplines; ~40K concepts, ~53K relations, ~10K chains):
 *
 *   npx tsx bench/tester-builder-scale.ts          engines in memory
 *   npx tsx bench/tester-builder-scale.ts --db     also through the jobs on a fresh embedded Postgres:
 *                                                   write the structure, build the benchmark and
 *                                                   the training set, run the gate, stream the export
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { synthesize, type BuilderInput } from "@/lib/domain/builder";
import { DEFAULT_PREDICATES } from "@/lib/domain/knowledge/vocabulary";
import { createBenchmarkIndex, type BenchmarkIndex, type GateInstance } from "@/lib/domain/orthogonality";
import { seededRandom } from "@/lib/domain/random";
import { buildBenchmark, type TesterInput } from "@/lib/domain/tester";

const DISCIPLINES = 16;
const CONCEPTS = 2_500;
const CHAINS = 640;
const EXTRA_RELATIONS = 2_000;
const random = seededRandom(117);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
const MODS = ["kinetic", "potential", "thermal", "cellular", "nuclear", "marginal", "social", "political", "chemical", "electric", "magnetic", "organic", "fiscal", "neural", "genetic", "cultural"];
const HEADS = ["energy", "membrane", "reaction", "market", "policy", "signal", "structure", "process", "field", "network", "pathway", "system", "force", "capital", "gene", "norm"];
const PREDICATES = ["causes", "produces", "increases", "decreases", "requires", "is_a", "part_of", "leads_to", "regulates", "uses"];
const CAUSAL = ["causes", "produces", "increases", "decreases", "leads_to"];
const SHAPES = [
  { steps: CAUSAL, last: "causes" },
  { steps: CAUSAL, last: "is_a" },
  { steps: ["is_a"], last: "is_a" },
  { steps: ["part_of"], last: "part_of" },
];
/** A name part without digits (a concept name with digits reads as a formula to the Tester's checks). */
const code = (n: number) => {
  let out = "";
  for (let x = n + 26 * 27; x > 0; x = Math.floor(x / 26)) out = String.fromCharCode(97 + (x % 26)) + out;
  return out;
};

type Structure = { slug: string; concepts: { id: string; name: string; definition: string }[]; relations: { id: string; subjectId: string; predicate: string; objectId: string; evidence: string }[]; chains: { id: string; relationIds: string[] }[] };

function generate(): Structure[] {
  const out: Structure[] = [];
  for (let d = 0; d < DISCIPLINES; d++) {
    const slug = `d${d}`;
    const concepts = Array.from({ length: CONCEPTS }, (_, i) => {
      const name = `${pick(MODS)} ${pick(HEADS)} ${code(d * CONCEPTS + i)}`;
      return { id: `${slug}c${i}`, name, definition: `${name} is a ${pick(HEADS)} of the ${pick(MODS)} kind studied in discipline ${d}, number ${i}.` };
    });
    const relations: Structure["relations"] = [];
    const chains: Structure["chains"] = [];
    const seen = new Set<string>();
    const relate = (s: string, p: string, o: string) => {
      const key = `${s}|${p}|${o}`;
      if (s === o || seen.has(key)) return null;
      seen.add(key);
      const id = `${slug}r${relations.length}`;
      relations.push({ id, subjectId: s, predicate: p, objectId: o, evidence: `In this text ${s} ${p.replace("_", " ")} ${o} for reason ${relations.length}.` });
      return id;
    };
    for (let k = 0; k < CHAINS; k++) {
      const length = 2 + Math.floor(random() * 3);
      const nodes = Array.from({ length: length + 1 }, () => pick(concepts).id);
      if (new Set(nodes).size !== nodes.length) continue;
      // Chains whose conclusion follows (lib/domain/knowledge/chain-rules): causes of causes, a kind of a kind, parts of parts, or what something makes and what kind of thing that is.
      const shape = pick(SHAPES);
      const ids = nodes.slice(0, -1).map((n, i) => relate(n, i === length - 1 ? shape.last : pick(shape.steps), nodes[i + 1]));
      if (ids.every(Boolean)) chains.push({ id: `${slug}k${k}`, relationIds: ids as string[] });
    }
    for (let k = 0; k < EXTRA_RELATIONS; k++) relate(pick(concepts).id, pick(PREDICATES), pick(concepts).id);
    out.push({ slug, concepts, relations, chains });
  }
  return out;
}

// CPU time beside wall time: on a shared machine the wall clock also counts other processes.
const time = async <T>(label: string, fn: () => T | Promise<T>) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await fn();
  const cpu = process.cpuUsage(c0);
  console.log(`${label.padEnd(58)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s   cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1).padStart(5)} s   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  return r;
};

const structure = await time("generate the synthetic structure", generate);
const totals = structure.reduce((t, s) => ({ c: t.c + s.concepts.length, r: t.r + s.relations.length, k: t.k + s.chains.length }), { c: 0, r: 0, k: 0 });
console.log(`  ${totals.c} concepts, ${totals.r} relations, ${totals.k} chains`);

const testerInputs: TesterInput[] = structure.map((s) => {
  const byId = new Map(s.relations.map((r) => [r.id, r]));
  return { discipline: s.slug, concepts: s.concepts, relations: s.relations, chains: s.chains.map((c) => ({ id: c.id, steps: c.relationIds.map((id) => byId.get(id)!) })), vocabulary: DEFAULT_PREDICATES };
});
const bench = await time("Tester: buildBenchmark (all chains)", () => buildBenchmark(testerInputs, { seed: 1 }));
console.log(`  ${bench.items.length} items, distractors ${JSON.stringify(bench.stats.byOperator)}, skipped ${bench.skipped.length}`);
const builderInputs: BuilderInput[] = structure.map((s) => ({
  discipline: s.slug,
  concepts: s.concepts.map((c) => ({ ...c, chunkId: null, approved: false })),
  relations: s.relations.map((r) => ({ ...r, chunkId: null, approved: false })),
  vocabulary: DEFAULT_PREDICATES,
}));
const synth = await time("Builder: synthesize (budget 10,000 per discipline)", () => synthesize(builderInputs, { budget: 10_000 }));
console.log(`  ${synth.instances.length} instances ${JSON.stringify(synth.stats.byKind)}`);
const itemTexts = bench.items.map((i, n) => ({ id: String(n), text: `${i.stem} ${i.options.map((o) => o.text).join(" ")}` }));
const instances = synth.instances.map((x, k) => ({ id: String(k), text: `${x.prompt}\n${x.completion}`, conceptIds: x.conceptIds, relationIds: x.relationIds }));
// Planted leaks, so the structural check is seen to find what it must at this scale: every 20th
// item gets one instance that teaches its first two steps by links (a patch-like text naming none
// of its concepts) and one without links whose text states them.
const planted = bench.items.flatMap((item, n) => {
  if (n % 20 !== 0) return [];
  const [a, b] = item.path;
  return [
    { id: `links-${n}`, text: "A patch written by hand.", conceptIds: [], relationIds: [a.relationId!, b.relationId!] },
    { id: `text-${n}`, text: `Notes: ${a.subject} ${a.predicate.replace("_", " ")} ${a.object}, and ${b.object} follows from it.`, conceptIds: [], relationIds: [] },
  ];
});
const checkAll = (index: BenchmarkIndex, all: GateInstance[]) => {
  const byKind: Record<string, number> = {};
  for (const x of all) for (const v of index.check(x)) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  return byKind;
};
const textIndex = await time("Gate: index the items' texts (13-grams + MinHash LSH)", () => createBenchmarkIndex(itemTexts));
const textOnly = await time(`Gate: check ${instances.length} instances, text checks only`, () => checkAll(textIndex, instances));
console.log(`  violations ${JSON.stringify(textOnly)}`);
const index = await time("Gate: index texts and chains (+ structure)", () => createBenchmarkIndex(bench.items.map((i, n) => ({ ...itemTexts[n], path: i.path }))));
const violations = await time(`Gate: check ${instances.length} instances against ${index.size} items, with structure`, () => checkAll(index, instances));
console.log(`  violations ${JSON.stringify(violations)}`);
const found = await time(`Gate: check ${planted.length} planted leaks`, () => planted.filter((x) => index.check(x).some((v) => v.kind === "path")).length);
console.log(`  ${found} of ${planted.length} found as path violations`);

if (process.argv.includes("--db")) await throughTheDatabase(structure);

async function throughTheDatabase(data: Structure[]) {
  process.env.PRODA_HOME = fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-"));
  delete process.env.DATABASE_URL;
  const { openDatabase } = await import("@/lib/server/database");
  const { db, disconnectDb } = await import("@/lib/server/db");
  const { runInline } = await import("@/workers/runtime/run-inline");
  const { benchmarkBuildJob } = await import("@/lib/jobs/benchmark-build");
  const { trainingSetBuildJob } = await import("@/lib/jobs/training-set-build");
  const { orthogonalityCheckJob } = await import("@/lib/jobs/orthogonality-check");
  const { benchmarkBuildHandler } = await import("@/workers/handlers/benchmark-build");
  const { trainingSetBuildHandler } = await import("@/workers/handlers/training-set-build");
  const { orthogonalityCheckHandler } = await import("@/workers/handlers/orthogonality-check");
  const { trainingSetExport } = await import("@/lib/server/services/exports/training-set-export");
  const handle = await openDatabase();
  try {
    const client = db();
    await time("DB: write the structure (createMany batches)", async () => {
      for (const [i, s] of data.entries()) {
        const d = await client.discipline.create({ data: { slug: s.slug, name: `Discipline ${i}`, sortOrder: i } });
        for (let a = 0; a < s.concepts.length; a += 5000) await client.concept.createMany({ data: s.concepts.slice(a, a + 5000).map((c) => ({ ...c, disciplineId: d.id, canonicalName: c.name })) });
        for (let a = 0; a < s.relations.length; a += 5000) await client.relation.createMany({ data: s.relations.slice(a, a + 5000).map((r) => ({ ...r, disciplineId: d.id })) });
        await client.chain.createMany({ data: s.chains.map((c) => ({ id: c.id, disciplineId: d.id, signature: c.relationIds.join(",") })) });
        await client.chainStep.createMany({ data: s.chains.flatMap((c) => c.relationIds.map((relationId, position) => ({ chainId: c.id, position, relationId }))) });
      }
    });
    const b = await time("DB: benchmark job (load, build, write items)", () => runInline(client, benchmarkBuildJob, benchmarkBuildHandler, { freeze: true }));
    console.log(`  ${(b.result as { items: number }).items} items`);
    const t = await time("DB: training-set job (load, synthesise, write, CORE)", () => runInline(client, trainingSetBuildJob, trainingSetBuildHandler, { name: "scale", budget: 10_000 }));
    const set = t.result as { trainingSetId: string; instances: number };
    console.log(`  ${set.instances} instances`);
    const g = await time("DB: orthogonality job (stream instances through the gate)", () => runInline(client, orthogonalityCheckJob, orthogonalityCheckHandler, { trainingSetId: set.trainingSetId }));
    console.log(`  ${JSON.stringify({ passed: (g.result as { passed: boolean }).passed, violations: (g.result as { violations: number }).violations })}`);
    await time("DB: export OpenAI JSONL (streamed to /dev/null)", async () => {
      const exp = await trainingSetExport(client, set.trainingSetId, "openai");
      let bytes = 0;
      for await (const chunk of exp.files[0].content()) bytes += chunk.length;
      console.log(`  ${(bytes / 2 ** 20).toFixed(0)} MiB`);
    });
  } finally {
    await disconnectDb();
    await handle.release();
    fs.rmSync(process.env.PRODA_HOME!, { recursive: true, force: true });
  }
}
