/**
 * The orthogonality gate alone, at the scale of issue 15 (160,000 instances against ~10,000
 * items), timed over several passes, beside the plain 13-gram set pass of lm-evaluation-harness
 * in Python on the same texts, run after each pass of the gate so that both meet the same load:
 *
 *   npx tsx bench/orthogonality-gate.ts [--passes 3] [--fresh] [--violations FILE] [--no-python] [--no-compare]
 *
 * The workload (bench/synthetic-structure.ts through the Tester and the Builder, plus planted
 * leaks as in bench/tester-builder-scale.ts) takes about a minute to generate, so it is cached as
 * JSON in the temp dir (--fresh makes it again). Each pass indexes the items (texts and chains)
 * and checks every instance; it prints wall and CPU time of both, the violations by kind and a
 * SHA-256 of the full violation list, which must be the same in every pass and before and after a
 * change to the gate (--violations FILE writes the list, one JSON line each, to diff two runs).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { synthesize } from "@/lib/domain/builder";
import { createBenchmarkIndex, type GateInstance, type GateItem, type GateOptions, type Violation } from "@/lib/domain/orthogonality";
import { buildBenchmark } from "@/lib/domain/tester";
import { builderInputsOf, generateStructure, testerInputsOf, time } from "./synthetic-structure";

type Workload = { items: GateItem[]; instances: GateInstance[] };

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const passes = Number(arg("--passes") ?? 3);
const cacheFile = path.join(os.tmpdir(), "proda-orthogonality-gate-workload.json");

async function generate(): Promise<Workload> {
  const structure = await time("generate the synthetic structure", generateStructure);
  const bench = await time("Tester: buildBenchmark (all chains)", () => buildBenchmark(testerInputsOf(structure), { seed: 1 }));
  const synth = await time("Builder: synthesize (budget 10,000 per discipline)", () => synthesize(builderInputsOf(structure), { budget: 10_000 }));
  // The texts as the service builds them (itemText, instanceText in check-orthogonality.ts).
  const items = bench.items.map((i, n) => ({ id: String(n), text: `${i.stem} ${i.options.map((o) => o.text).join(" ")}`, path: i.path }));
  const instances: GateInstance[] = synth.instances.map((x, k) => ({ id: String(k), text: `${x.prompt}\n${x.completion}`, conceptIds: x.conceptIds, relationIds: x.relationIds }));
  // Planted leaks of every kind the gate finds, so the comparison covers each: every 20th item
  // gets an instance teaching its first two steps by links, one stating them in text, one that
  // copies its stem into a longer text (n-gram) and one with its words lightly edited (near duplicate).
  bench.items.forEach((item, n) => {
    if (n % 20 !== 0) return;
    const [a, b] = item.path;
    const words = items[n].text.split(" ");
    instances.push(
      { id: `links-${n}`, text: "A patch written by hand.", conceptIds: [], relationIds: [a.relationId!, b.relationId!] },
      { id: `text-${n}`, text: `Notes: ${a.subject} ${a.predicate.replace("_", " ")} ${a.object}, and ${b.object} follows from it.`, conceptIds: [], relationIds: [] },
      { id: `copy-${n}`, text: `Practice question. ${item.stem} Think it through.` },
      { id: `near-${n}`, text: words.map((w, k) => (k % 12 === 11 ? w.toUpperCase() + "s" : w)).join(" ") },
    );
  });
  return { items, instances };
}

async function workload(): Promise<Workload> {
  if (!process.argv.includes("--fresh") && fs.existsSync(cacheFile)) {
    console.log(`workload from ${cacheFile} (--fresh to make it again)`);
    return JSON.parse(fs.readFileSync(cacheFile, "utf8")) as Workload;
  }
  const w = await generate();
  fs.writeFileSync(cacheFile, JSON.stringify(w));
  return w;
}

const seconds = (us: number) => (us / 1e6).toFixed(2);

function pass(w: Workload, options: GateOptions = {}): { violations: Violation[]; wall: [number, number]; cpu: [number, number] } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const index = createBenchmarkIndex(w.items, options);
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const violations: Violation[] = [];
  for (const x of w.instances) for (const v of index.check(x)) violations.push(v);
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => b.user + b.system - a.user - a.system;
  return { violations, wall: [(t1 - t0) * 1000, (t2 - t1) * 1000], cpu: [cpu(c0, c1), cpu(c1, c2)] };
}

/** The texts written once for the Python pass; run() runs it once and prints its line. */
function pythonBaseline(w: Workload): { run: () => void; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proda-13gram-"));
  // One JSON string a line, so texts with line breaks stay one record.
  fs.writeFileSync(path.join(dir, "items.jsonl"), w.items.map((i) => JSON.stringify(i.text)).join("\n") + "\n");
  fs.writeFileSync(path.join(dir, "instances.jsonl"), w.instances.map((i) => JSON.stringify(i.text)).join("\n") + "\n");
  const script = path.join(import.meta.dirname, "thirteen-gram-baseline.py");
  return {
    run: () => console.log(`python3 13-gram set pass: ${execFileSync("python3", [script, dir], { encoding: "utf8" }).trim()}`),
    close: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const w = await workload();
console.log(`${w.items.length} items, ${w.instances.length} instances; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const summary = (violations: Violation[]) => {
  const byKind: Record<string, number> = {};
  for (const v of violations) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  return { byKind, sha: createHash("sha256").update(JSON.stringify(violations)).digest("hex").slice(0, 16) };
};
let digest = "";
// The Python pass runs right after each pass of the gate, so both meet the same load.
const python = process.argv.includes("--no-python") ? null : pythonBaseline(w);
for (let p = 0; p < passes; p++) {
  const r = pass(w);
  const { byKind, sha } = summary(r.violations);
  console.log(
    `pass ${p + 1}: index ${seconds(r.wall[0])} s (cpu ${seconds(r.cpu[0])}), check ${seconds(r.wall[1])} s (cpu ${seconds(r.cpu[1])}), ` +
      `total ${seconds(r.wall[0] + r.wall[1])} s (cpu ${seconds(r.cpu[0] + r.cpu[1])}); violations ${JSON.stringify(byKind)} sha256 ${sha}`,
  );
  if (digest && sha !== digest) throw new Error("the violation list changed between passes");
  digest = sha;
  const out = arg("--violations");
  if (p === 0 && out) fs.writeFileSync(out, r.violations.map((v) => JSON.stringify(v)).join("\n") + "\n");
  python?.run();
}
python?.close();
// Untimed: near duplicates below the 13-gram level only reach a 5-gram Jaccard of about 0.5 (an
// edit every 12 words), so the default 0.8 finds none here; at 0.4, and with 2 violations kept
// per instance, the planted near-* instances exercise MinHash, LSH and the cap too.
if (!process.argv.includes("--no-compare")) {
  const loose = summary(pass(w, { minhashThreshold: 0.4, maxViolationsPerInstance: 2 }).violations);
  console.log(`comparison pass (minhashThreshold 0.4, 2 kept per instance): violations ${JSON.stringify(loose.byKind)} sha256 ${loose.sha}`);
}
console.log(`load after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
