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
import { synthesize } from "@/lib/domain/builder";
import { createBenchmarkIndex, type BenchmarkIndex, type GateInstance } from "@/lib/domain/orthogonality";
import { buildBenchmark } from "@/lib/domain/tester";
import { builderInputsOf, generateStructure, testerInputsOf, time, type Structure } from "./synthetic-structure";

const structure = await time("generate the synthetic structure", generateStructure);
const totals = structure.reduce((t, s) => ({ c: t.c + s.concepts.length, r: t.r + s.relations.length, k: t.k + s.chains.length }), { c: 0, r: 0, k: 0 });
console.log(`  ${totals.c} concepts, ${totals.r} relations, ${totals.k} chains`);

const testerInputs = testerInputsOf(structure);
const bench = await time("Tester: buildBenchmark (all chains)", () => buildBenchmark(testerInputs, { seed: 1 }));
console.log(`  ${bench.items.length} items, distractors ${JSON.stringify(bench.stats.byOperator)}, skipped ${bench.skipped.length}`);
const builderInputs = builderInputsOf(structure);
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
