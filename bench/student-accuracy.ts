/**
 * The local student (the offline stand-in for a GPU fine-tune) measured two ways:
 *
 * 1. Accuracy on a real corpus: the offline pipeline through the CLI in a fresh workspace (import,
 *    local extraction, benchmark, training set, as bench/quality-sample.ts runs it), then the student
 *    trained on the training set's instances and asked every benchmark item from its stem and
 *    options: overall (with a 95% Wilson interval and chance), per discipline, per chain length, and
 *    the operator of the distractor each wrong answer chose.
 * 2. Training cost at scale: 160,000 instances from the Builder on the synthetic structure of
 *    bench/tester-builder-scale.ts; training time, memory, artefact size and load time, and the
 *    answering rate on a sample of that structure's benchmark.
 *
 *   node --expose-gc --import tsx bench/student-accuracy.ts [corpus]   (default ../shared/corpus)
 *   ... --skip-corpus | --skip-scale
 */
import path from "node:path";
import { synthesize } from "@/lib/domain/builder";
import { answerItem, describeStudent, loadStudent, serializeStudent, trainStudent, type StudentModel } from "@/lib/domain/student";
import { buildBenchmark } from "@/lib/domain/tester";
import { builderInputsOf, generateStructure, testerInputsOf, time } from "./synthetic-structure";
import { openWorkspace, root, runPipeline } from "./workspace-pipeline";

type Option = { text: string; operator: string };
type Item = { discipline: string; stem: string; options: Option[]; answerIndex: number; difficulty: number };
type Tally = { right: number; items: number };

const args = process.argv.slice(2);
const corpus = path.resolve(root, args.find((a) => !a.startsWith("--")) ?? "../shared/corpus");
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const settle = () => (globalThis as { gc?: () => void }).gc?.();
console.log(describeStudent().label);

/** Instances per discipline at most, as `proda build --budget` would keep them: the Builder's order, coverage first. */
const BUDGETS = [25, 50, 100, 200];

async function onCorpus() {
  const run = await time(`pipeline on ${path.basename(corpus)} (CLI: import, extract, benchmark, build)`, () => runPipeline(corpus, "all"));
  console.log(`  ${run.extracted.report.concepts} concepts, ${run.extracted.report.relations} relations, ${run.extracted.report.chains} chains; ${run.benchmark.report.items} items; ${run.training.report.instances} instances`);
  const { db, close } = await openWorkspace(run.home);
  const rows = await db.benchmarkItem.findMany({
    where: { benchmarkId: run.benchmark.report.benchmarkId, status: "ACTIVE" },
    select: { stem: true, options: true, answerIndex: true, difficulty: true, discipline: { select: { slug: true } } },
    orderBy: { position: "asc" },
  });
  const instances = await db.trainingInstance.findMany({
    where: { trainingSetId: run.training.report.trainingSetId },
    select: { prompt: true, completion: true, discipline: { select: { slug: true } } },
    orderBy: { position: "asc" },
  });
  await close();
  const items: Item[] = rows.map((r) => ({ discipline: r.discipline.slug, stem: r.stem, options: r.options as Option[], answerIndex: r.answerIndex, difficulty: r.difficulty }));
  const model = await time(`train the student on all ${instances.length} instances`, () => trainStudent(instances));
  console.log(`  ${model.trainedOn.statements} statements; artefact ${(serializeStudent(model).length / 1024).toFixed(0)} KiB`);
  console.log(JSON.stringify({ training: "all instances", ...evaluate(model, items) }, null, 2));
  for (const budget of BUDGETS) {
    const seen = new Map<string, number>();
    const kept = instances.filter((x) => {
      const n = (seen.get(x.discipline.slug) ?? 0) + 1;
      seen.set(x.discipline.slug, n);
      return n <= budget;
    });
    console.log(JSON.stringify({ training: `budget ${budget} per discipline (${kept.length} instances)`, ...evaluate(trainStudent(kept), items) }, null, 2));
  }
}

/** Accuracy as the evaluation metrics will report it; the student sees only stems and option texts. */
function evaluate(model: StudentModel, items: Item[]) {
  const byDiscipline: Record<string, Tally> = {};
  const byLength: Record<string, Tally> = {};
  const chosenDistractor: Record<string, number> = { INVREL: 0, TRUNC: 0, NEARMISS: 0, abstained: 0 };
  const add = (rec: Record<string, Tally>, key: string, right: boolean) => {
    const t = (rec[key] ??= { right: 0, items: 0 });
    t.items++;
    if (right) t.right++;
  };
  let right = 0;
  let chance = 0;
  for (const item of items) {
    const { choice } = answerItem(model, { stem: item.stem, options: item.options.map((o) => o.text) });
    const ok = choice === item.answerIndex;
    if (ok) right++;
    else chosenDistractor[choice === null ? "abstained" : item.options[choice].operator]++;
    chance += 1 / item.options.length;
    add(byDiscipline, item.discipline, ok);
    add(byLength, String(item.difficulty), ok);
  }
  const n = items.length;
  const share = (rec: Record<string, Tally>) => Object.fromEntries(Object.entries(rec).sort().map(([k, t]) => [k, `${t.right}/${t.items} (${pct(t.right / t.items)})`]));
  return { items: n, accuracy: pct(right / n), interval95: wilson(right, n).map(pct), chance: pct(chance / n), byDiscipline: share(byDiscipline), byLength: share(byLength), wrongAnswersByChosenOperator: chosenDistractor };
}

async function atScale() {
  const structure = await time("generate the synthetic structure", generateStructure);
  const synth = await time("Builder: 160,000 instances (budget 10,000 per discipline)", () => synthesize(builderInputsOf(structure), { budget: 10_000 }));
  const bench = await time("Tester: the synthetic benchmark", () => buildBenchmark(testerInputsOf(structure), { seed: 1 }));
  settle();
  const before = process.memoryUsage().heapUsed;
  const model = await time(`train the student on ${synth.instances.length} instances`, () => trainStudent(synth.instances));
  settle();
  console.log(`  ${model.trainedOn.statements} statements (${model.trainedOn.droppedStatements} over the bound); model heap ${mib(process.memoryUsage().heapUsed - before)}, rss ${mib(process.memoryUsage().rss)}`);
  const json = await time("serialise the artefact", () => serializeStudent(model));
  console.log(`  artefact ${mib(json.length)}`);
  const loaded = await time("load the artefact", () => loadStudent(json));
  const sample: Item[] = bench.items.filter((_, i) => i % Math.max(1, Math.floor(bench.items.length / 500)) === 0).slice(0, 500);
  const figures = await time(`answer ${sample.length} synthetic items`, () => evaluate(loaded, sample));
  console.log(JSON.stringify(figures, null, 2));
}

/** The 95% Wilson score interval of a proportion. */
function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return [(centre - spread) / denominator, (centre + spread) / denominator];
}

if (!args.includes("--skip-corpus")) await onCorpus();
if (!args.includes("--skip-scale")) await atScale();
