/**
 * The Debugger on a corpus, through the real CLI in a fresh workspace: import, local extraction,
 * a frozen benchmark, a small V1 (25 instances per discipline), the gate, approval, the local
 * student trained and evaluated, every failure traced. Prints the figures and writes seeded
 * random samples to judge by hand: 40 probes (L2 steps and L1 definitions, spread over the
 * disciplines) and 30 patches. A small V1 fails few items, so the samples are drawn from what
 * the same engines make for every chain of the benchmark (probes for each item, patches for
 * each step and concept, contrasted with the item's near-miss option), not only the failures.
 * The judged copies live in bench/quality/debugger-*.
 *
 *   npx tsx bench/debugger-quality-sample.ts ../shared/corpus-wide [seed]
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildProbes, makePatches, type PatchTarget } from "@/lib/domain/debugger";
import type { ItemOption, PathStep } from "@/lib/domain/tester";
import { loadStructures } from "@/lib/server/services/debugger/debug-inputs";
import { seededRandom } from "@/lib/domain/random";
import { openWorkspace, root, spread } from "./workspace-pipeline";

const corpus = path.resolve(process.argv[2] ?? "../shared/corpus-wide");
const seed = Number(process.argv[3] ?? 20261203);
const out = path.join(root, "bench/out/debugger-quality");
fs.mkdirSync(out, { recursive: true });

const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-debugger-"));
const proda = (...args: string[]) => {
  const stdout = execFileSync("node", [path.join(root, "bin/proda.js"), ...args, "--json"], { env: { ...process.env, PRODA_HOME: home }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
};
proda("import", corpus);
proda("extract");
const benchmark = proda("benchmark", "--freeze");
proda("build", "--name", "V1", "--budget", "25", "--tested-only");
proda("check");
proda("approve", "V1");
proda("train", "--name", "V1");
const evaluation = proda("eval", "--model", "V1");
const debug = proda("debug");

const { db, close } = await openWorkspace(home);
const random = seededRandom(seed);


const slugs = new Map((await db.discipline.findMany({ select: { id: true, slug: true } })).map((d) => [d.id, d.slug]));
const items = await db.benchmarkItem.findMany({ where: { benchmarkId: benchmark.benchmarkId, status: "ACTIVE" }, select: { id: true, disciplineId: true, path: true, options: true } });
const structures = await loadStructures(db, items.map((i) => i.disciplineId));
const probes = items.flatMap((item) =>
  buildProbes({ id: item.id, path: item.path as PathStep[] }, structures.get(item.disciplineId)!).probes.map((p) => ({
    discipline: slugs.get(item.disciplineId) ?? "?",
    level: p.level,
    question: p.stem,
    options: p.options.map((o) => o.text),
    key: p.options[p.answerIndex].text,
    operators: p.options.map((o) => o.operator),
  })),
);
const seen = new Set<string>();
const patchRows = items.flatMap((item) => {
  const s = structures.get(item.disciplineId)!;
  const path = item.path as PathStep[];
  const nearMiss = (item.options as ItemOption[]).find((o) => o.operator === "NEARMISS")?.conceptId ?? null;
  const targets: PatchTarget[] = [...path.flatMap((p) => (p.relationId ? [{ kind: "relation" as const, id: p.relationId }] : [])), ...[path[0]?.subjectId, ...path.map((p) => p.objectId)].flatMap((id) => (id ? [{ kind: "concept" as const, id }] : []))];
  return targets.flatMap((target) => {
    if (seen.has(target.id)) return [];
    seen.add(target.id);
    return makePatches(target, s, nearMiss).map((d) => ({ discipline: slugs.get(item.disciplineId) ?? "?", target: target.kind, form: d.form, prompt: d.content.prompt, completion: d.content.completion }));
  });
});

const write = (name: string, rows: object[]) => fs.writeFileSync(path.join(out, name), rows.map((r, i) => JSON.stringify({ id: i + 1, ...r })).join("\n") + "\n");
write("probes.jsonl", spread(probes, 40, random));
write("patches.jsonl", spread(patchRows, 30, random));

const figures = {
  corpus: path.basename(corpus),
  seed,
  benchmarkItems: benchmark.items,
  v1: { accuracy: evaluation.accuracy ?? evaluation.metrics?.accuracy, answered: evaluation.answered, correct: evaluation.correct },
  debug: { failures: debug.failures, traced: debug.traced, byDiagnosis: debug.byDiagnosis, patches: debug.patches },
  probes: { total: probes.length, L1: probes.filter((p) => p.level === "L1").length, L2: probes.filter((p) => p.level === "L2").length },
  patches: { total: patchRows.length, byForm: Object.fromEntries([...new Set(patchRows.map((p) => p.form))].map((f) => [f, patchRows.filter((p) => p.form === f).length])) },
};
fs.writeFileSync(path.join(out, "figures.json"), JSON.stringify(figures, null, 2) + "\n");
console.log(JSON.stringify(figures, null, 2));
await close();
