/**
 * Runs the whole pipeline (import, local extraction, benchmark, training set) on a corpus in a
 * fresh workspace, prints the figures, and writes seeded random samples to judge by hand:
 * 60 triples, 40 benchmark items (all of them when there are fewer) and 40 training instances,
 * spread over the disciplines. The judged copies of a recorded run live in bench/quality/.
 *
 *   npx tsx bench/quality-sample.ts ../shared/corpus-wide [seed]
 */
import fs from "node:fs";
import path from "node:path";
import { seededRandom } from "@/lib/domain/random";
import { openWorkspace, root, runPipeline, spread } from "./workspace-pipeline";

const corpus = path.resolve(process.argv[2] ?? "../shared/corpus-wide");
const seed = Number(process.argv[3] ?? 20261202);
const out = path.join(root, "bench/out/quality");
fs.mkdirSync(out, { recursive: true });

const { home, imported, extracted, benchmark, training, check } = runPipeline(corpus);
// Samples are read from the workspace's database by the same code paths the studio uses.
const { db, close } = await openWorkspace(home);
const random = seededRandom(seed);


const phrase = new Map((await db.predicate.findMany({ select: { name: true, phrase: true } })).map((p) => [p.name, p.phrase]));
const relations = await db.relation.findMany({ select: { subject: { select: { name: true } }, predicate: true, object: { select: { name: true } }, evidence: true, extractor: true, confidence: true, discipline: { select: { slug: true } } } });
const triples = spread(relations.map((r) => ({ discipline: r.discipline.slug, subject: r.subject.name, relation: phrase.get(r.predicate) ?? r.predicate, object: r.object.name, evidence: r.evidence, extractor: r.extractor, confidence: r.confidence })), 60, random);

const items = await db.benchmarkItem.findMany({ where: { benchmarkId: benchmark.report.benchmarkId, status: "ACTIVE" }, select: { stem: true, options: true, answerIndex: true, path: true, discipline: { select: { slug: true } } } });
const itemRows = spread(items.map((i) => ({ discipline: i.discipline.slug, question: i.stem, options: (i.options as { text: string; operator: string }[]).map((o) => o.text), key: (i.options as { text: string }[])[i.answerIndex].text, operators: (i.options as { operator: string }[]).map((o) => o.operator), path: i.path })), 40, random);

const instances = await db.trainingInstance.findMany({ where: { trainingSetId: training.report.trainingSetId }, select: { kind: true, prompt: true, completion: true, discipline: { select: { slug: true } } } });
const instanceRows = spread(instances.map((x) => ({ discipline: x.discipline.slug, kind: x.kind, prompt: x.prompt, completion: x.completion })), 40, random);

const write = (name: string, rows: object[]) => fs.writeFileSync(path.join(out, name), rows.map((r, i) => JSON.stringify({ id: i + 1, ...r })).join("\n") + "\n");
write("triples.jsonl", triples);
write("items.jsonl", itemRows);
write("instances.jsonl", instanceRows);

const figures = {
  corpus: path.basename(corpus),
  seed,
  documents: imported.report.documents,
  knowledge: { concepts: extracted.report.concepts, relations: extracted.report.relations, chains: extracted.report.chains, seconds: Math.round(extracted.seconds) },
  benchmark: {
    items: benchmark.report.items,
    disciplines: Object.keys(benchmark.report.byDiscipline).length,
    byDiscipline: benchmark.report.byDiscipline,
    byOperator: benchmark.report.byOperator,
    skipped: benchmark.report.skipped,
    rejected: benchmark.report.rejected,
    answerBias: benchmark.report.answerBias,
    withoutChains: benchmark.report.withoutChains,
  },
  training: { instances: training.report.instances, byKind: training.report.byKind, decontaminated: training.report.decontaminated },
  gate: { violations: check.report.orthogonality?.violations },
  samples: { triples: triples.length, items: itemRows.length, instances: instanceRows.length, folder: path.relative(root, out) },
};
fs.writeFileSync(path.join(out, "figures.json"), JSON.stringify(figures, null, 2) + "\n");
console.log(JSON.stringify(figures, null, 2));
await close();
