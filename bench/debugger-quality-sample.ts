/**
 * The Debugger on a corpus, through the real CLI in a fresh workspace: import, local extraction,
 * a frozen benchmark, a small V1 (25 instances per discipline), the gate, approval, the local
 * student trained and evaluated, every failure traced. Prints the figures and writes seeded
 * random samples to judge by hand: 40 probes (L2 steps and L1 definitions, spread over the
 * disciplines), 30 more L2 probes, and 30 patches. A small V1 fails few items, so the samples are drawn from what
 * the same engines make beyond the failures: for every relation of the structure, its probes
 * (the step and its two concepts) and its patches (the relation and its two concepts).
 * The judged copies live in bench/quality/debugger-*.
 *
 *   npx tsx bench/debugger-quality-sample.ts ../shared/corpus-wide [seed] [--exclude <folder of an earlier round>]...
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildProbes, makePatches, type PatchTarget } from "@/lib/domain/debugger";
import type { PathStep } from "@/lib/domain/tester";
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
// Probes for every relation of the structure (a one-step chain each, the way a chain's step is
// probed), not only the benchmark's chains: a wider population than the items, so a later round
// can leave out what an earlier one judged (`--exclude <folder>`).
const allStructures = await loadStructures(db, (await db.relation.findMany({ distinct: ["disciplineId"], select: { disciplineId: true } })).map((r) => r.disciplineId));
const excludeDirs = process.argv.flatMap((a, i) => (a === "--exclude" ? [process.argv[i + 1]] : []));
const judged = (file: string, field: string) => new Set(excludeDirs.filter((dir) => fs.existsSync(path.join(dir, file))).flatMap((dir) => fs.readFileSync(path.join(dir, file), "utf8").trim().split("\n").map((l) => String((JSON.parse(l) as Record<string, unknown>)[field]))));
const excluded = judged("probes.jsonl", "question");
const excludedPatches = judged("patches.jsonl", "prompt");
const asked = new Set<string>();
const probes = [...allStructures].flatMap(([disciplineId, s]) =>
  [...s.relations.values()].flatMap((r) => {
    const subject = s.concepts.get(r.subjectId)!;
    const object = s.concepts.get(r.objectId)!;
    const path: PathStep[] = [{ subject: subject.name, predicate: r.predicate, object: object.name, relationId: r.id, subjectId: r.subjectId, objectId: r.objectId }];
    return buildProbes({ id: r.id, path }, s).probes.flatMap((p) => {
      if (asked.has(p.stem + p.options.join()) || excluded.has(p.stem)) return [];
      asked.add(p.stem + p.options.join());
      return [{ discipline: slugs.get(disciplineId) ?? "?", level: p.level, question: p.stem, options: p.options.map((o) => o.text), key: p.options[p.answerIndex].text, operators: p.options.map((o) => o.operator) }];
    });
  }),
);
// Patches for every relation and concept of the structure, each contrasted with the first wrong
// option its step's probe offers (what a model that does not know the step might choose).
const seen = new Set<string>();
const patchRows = [...allStructures].flatMap(([disciplineId, s]) =>
  [...s.relations.values()].flatMap((r) => {
    const path: PathStep[] = [{ subject: s.concepts.get(r.subjectId)!.name, predicate: r.predicate, object: s.concepts.get(r.objectId)!.name, relationId: r.id, subjectId: r.subjectId, objectId: r.objectId }];
    const chosen = buildProbes({ id: r.id, path }, s).probes.find((p) => p.level === "L2")?.options.find((o) => o.operator !== "ANSWER")?.conceptId ?? null;
    const targets: PatchTarget[] = [{ kind: "relation", id: r.id }, { kind: "concept", id: r.subjectId }, { kind: "concept", id: r.objectId }];
    return targets.flatMap((target) => {
      if (seen.has(target.id)) return [];
      seen.add(target.id);
      return makePatches(target, s, chosen)
        .filter((d) => !excludedPatches.has(d.content.prompt))
        .map((d) => ({ discipline: slugs.get(disciplineId) ?? "?", target: target.kind, form: d.form, prompt: d.content.prompt, completion: d.content.completion }));
    });
  }),
);

const write = (name: string, rows: object[]) => fs.writeFileSync(path.join(out, name), rows.map((r, i) => JSON.stringify({ id: i + 1, ...r })).join("\n") + "\n");
write("probes.jsonl", spread(probes, 40, random));
// Steps are the scarcer, harder kind: a sample of their own, from what the first left.
const sampled = new Set(fs.readFileSync(path.join(out, "probes.jsonl"), "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { question: string }).question));
write("probes-l2.jsonl", spread(probes.filter((p) => p.level === "L2" && !sampled.has(p.question)), 30, random));
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
