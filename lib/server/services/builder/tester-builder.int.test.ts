import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { ItemOption } from "@/lib/domain/tester";
import { hyperparametersSchema } from "@/lib/domain/training";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { benchmarkExport } from "@/lib/server/services/exports/benchmark-export";
import { zipExport } from "@/lib/server/services/exports/export-files";
import { trainingSetExport } from "@/lib/server/services/exports/training-set-export";
import { buildBenchmarkVersion, type BenchmarkBuildReport } from "@/lib/server/services/tester/build-benchmark";
import { listTrainingSets } from "@/lib/server/queries/builder";
import { editBenchmarkItem, freezeBenchmark, newBenchmarkVersion } from "@/lib/server/services/tester/review-benchmark";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { appRoutes, callRoute, type RouteFile } from "@/test/http";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { runInline } from "@/workers/runtime/run-inline";
import { approveTrainingSet } from "./approve-training-set";
import type { TrainingSetBuildReport } from "./build-training-set";
import { checkOrthogonality, itemText } from "./check-orthogonality";

const t = useTestDatabase();
let lead: Principal;
let leadToken: string;
let routes: RouteFile[];
const route = (pattern: string) => routes.find((r) => r.pattern === pattern)!.handlers;

async function collect(iter: AsyncIterable<string>) {
  let s = "";
  for await (const c of iter) s += c;
  return s;
}

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  expect((await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SHARED_CORPUS } })).outcome).toBe("succeeded");
  expect((await runInline(t.db(), knowledgeExtractJob, knowledgeExtractHandler, { engine: "local" })).outcome).toBe("succeeded");
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: "lead@example.test", name: "Lea Lead", password: "correct horse battery", role: "LEAD" }));
  lead = { userId: user.id, email: user.email, name: user.name, role: "LEAD", via: "token" };
  leadToken = (await createToken(t.db(), lead, { name: "t" }, null)).token;
  routes = await appRoutes();
}, 180_000);

describe("the Tester and the Builder on the extracted shared corpus", () => {
  let benchmark: BenchmarkBuildReport;
  let set: TrainingSetBuildReport;

  it("refuses to build an empty benchmark (approved chains only, none approved): 422 with the reason, no version written", async () => {
    expect(await t.db().chain.count({ where: { status: "APPROVED" } })).toBe(0);
    const res = await callRoute(route("/api/benchmarks").POST!, "POST", "/api/benchmarks", { headers: { authorization: `Bearer ${leadToken}` }, body: { approvedOnly: true } });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ error: { code: "NOTHING_TO_BUILD", message: expect.stringContaining("no approved chain") } });
    // The same refusal in the CLI (and a loop's benchmark stage): before a run is recorded.
    await expect(runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, { approvedOnly: true })).rejects.toMatchObject({ code: "NOTHING_TO_BUILD", message: expect.stringContaining("no approved chain") });
    expect(await t.db().jobRun.count({ where: { type: benchmarkBuildJob.name } })).toBe(0);
    // In the job itself (chains rejected after it was queued): fatal at once, nothing written.
    const ctx = { db: t.db(), runId: "no-such-run", saved: null, signal: new AbortController().signal, progress: async () => {}, log: async () => {}, throwIfCancelled: async () => {}, checkpoint: async () => {} };
    await expect(buildBenchmarkVersion(ctx, { approvedOnly: true })).rejects.toMatchObject({ code: "NOTHING_TO_BUILD" });
    expect(await t.db().benchmark.count()).toBe(0);
  });

  it("builds a benchmark from the chains that reason, with all three operators, its checks' rejections and its answer bias", async () => {
    const run = await runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, {});
    benchmark = run.result as BenchmarkBuildReport;
    // Precision first: only disciplines where the local engine linked sure chains have items.
    expect(Object.keys(benchmark.byDiscipline).length).toBeGreaterThanOrEqual(4);
    expect(benchmark.items).toBeGreaterThan(20);
    expect(benchmark.byOperator.INVREL).toBeGreaterThan(0);
    expect(benchmark.byOperator.TRUNC).toBeGreaterThan(0);
    expect(benchmark.byOperator.NEARMISS).toBeGreaterThan(0);
    expect(benchmark.answerBias.items).toBe(benchmark.items);
    for (const rate of [benchmark.answerBias.longestOption, benchmark.answerBias.stemOverlap, benchmark.answerBias.mostFrequentOption]) expect(rate).toBeLessThanOrEqual(0.4);
    // Items the checks refused are kept, rejected, with their reason; the counts match the report.
    const rejected = await t.db().benchmarkItem.groupBy({ by: ["rejectionReason"], where: { benchmarkId: benchmark.benchmarkId, status: "REJECTED" }, _count: { _all: true } });
    const reported = Object.values(benchmark.rejected).reduce((a, b) => a + b, 0);
    expect(rejected.reduce((a, r) => a + r._count._all, 0)).toBe(reported);
    expect(rejected.every((r) => r.rejectionReason)).toBe(true);
    // A retried run finds its benchmark: nothing is written twice.
    const items = await t.db().benchmarkItem.count();
    expect(items).toBe(benchmark.items + reported);
    const again = await runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, {});
    expect((again.result as BenchmarkBuildReport).version).toBe(2);
    expect(await t.db().benchmarkItem.count()).toBe(items * 2);
    await t.db().benchmark.delete({ where: { id: (again.result as BenchmarkBuildReport).benchmarkId } });
  });

  it("builds a training set from L1/L2 that passes the gate, then fails it when a benchmark stem is copied in", async () => {
    // Test first: a training set is for the disciplines the benchmark tests.
    const run = await runInline(t.db(), trainingSetBuildJob, trainingSetBuildHandler, { name: "V1", disciplines: Object.keys(benchmark.byDiscipline) });
    set = run.result as TrainingSetBuildReport;
    expect(set.instances).toBeGreaterThan(300);
    // What the gate would refuse was not written (decontamination), so it passes.
    expect(set.decontaminated).toBeDefined();
    expect(set.byKind.relation).toBeGreaterThan(0);
    const clean = await checkOrthogonality(t.db(), set.trainingSetId, undefined);
    expect(clean.pairs).toEqual([]);
    expect(clean).toMatchObject({ passed: true, violations: 0, checked: set.instances });

    const item = await t.db().benchmarkItem.findFirstOrThrow({ where: { benchmarkId: benchmark.benchmarkId } });
    const victim = await t.db().trainingInstance.findFirstOrThrow({ where: { trainingSetId: set.trainingSetId, kind: "explanation" } });
    await t.db().trainingInstance.update({ where: { id: victim.id }, data: { completion: `${victim.completion} ${item.stem}` } });
    const dirty = await checkOrthogonality(t.db(), set.trainingSetId, undefined);
    expect(dirty.passed).toBe(false);
    // (Templated stems share their wording: the copied stem matches its own item and its siblings.)
    const pair = dirty.pairs.find((p) => p.itemId === item.id)!;
    expect(pair).toMatchObject({ instanceId: victim.id, kind: "ngram" });
    expect(itemText(item.stem, item.options as ItemOption[]).toLowerCase()).toContain(pair.shared.split(" ").slice(0, 3).join(" "));
    await t.db().trainingInstance.update({ where: { id: victim.id }, data: { completion: victim.completion } });
  });

  it("refuses approval before a frozen benchmark covers the set's disciplines (test first) and while the gate has not passed against it", async () => {
    const approve = () => callRoute(route("/api/training-sets/[id]/approve").POST!, "POST", `/api/training-sets/${set.trainingSetId}/approve`, { headers: { authorization: `Bearer ${leadToken}` }, params: { id: set.trainingSetId }, body: {} });
    const none = await approve();
    expect(none.status).toBe(422);
    expect(none.text).toMatch(/Test first: no frozen benchmark covers [^.]*\bBiology\b/);
    // A frozen benchmark of biology alone leaves the set's other disciplines untested.
    const biology = (await runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, { disciplines: ["biology"], freeze: true })).result as BenchmarkBuildReport;
    const partial = await approve();
    expect(partial.status).toBe(422);
    expect(partial.text).toMatch(/Test first: no frozen benchmark covers [^.]*\bPsychology\b/);
    expect(partial.text).not.toMatch(/\bBiology\b/);
    expect(JSON.parse(partial.text).error.details.untested).toContain("psychology");
    await t.db().benchmark.delete({ where: { id: biology.benchmarkId } });
    // Frozen for every discipline, it still needs a gate check run against the frozen version.
    // The earlier check saw no frozen benchmark: the list says the gate is out of date, not passed.
    const gateOf = async () => (await listTrainingSets(t.db())).find((x) => x.id === set.trainingSetId)!.gate;
    expect(await gateOf()).not.toBeNull();
    await freezeBenchmark(t.db(), lead, benchmark.benchmarkId);
    expect(await gateOf()).toMatchObject({ stale: true });
    await expect(approveTrainingSet(t.db(), lead, set.trainingSetId)).rejects.toThrow(/Run the orthogonality gate/);
    await checkOrthogonality(t.db(), set.trainingSetId, undefined);
    expect(await gateOf()).toMatchObject({ passed: true, stale: false });
    expect((await approveTrainingSet(t.db(), lead, set.trainingSetId)).status).toBe("APPROVED");
  });

  it("keeps a frozen benchmark's items unchanged; edits go to a new version", async () => {
    const item = await t.db().benchmarkItem.findFirstOrThrow({ where: { benchmarkId: benchmark.benchmarkId } });
    await expect(editBenchmarkItem(t.db(), lead, benchmark.benchmarkId, item.id, { status: "REJECTED" })).rejects.toThrow(/frozen/);
    const v = await newBenchmarkVersion(t.db(), lead, benchmark.benchmarkId);
    expect(v.itemCount).toBe(benchmark.items);
    const copy = await t.db().benchmarkItem.findFirstOrThrow({ where: { benchmarkId: v.id, position: 0 } });
    const edited = await editBenchmarkItem(t.db(), lead, v.id, copy.id, { stem: "An edited question about the chain?" });
    expect(edited.stem).toBe("An edited question about the chain?");
    // The versions list counts what a version holds: a rejected item leaves the count, a restored one returns.
    const count = async () => (await t.db().benchmark.findUniqueOrThrow({ where: { id: v.id } })).itemCount;
    await editBenchmarkItem(t.db(), lead, v.id, copy.id, { status: "REJECTED" });
    expect(await count()).toBe(benchmark.items - 1);
    await editBenchmarkItem(t.db(), lead, v.id, copy.id, { status: "ACTIVE" });
    expect(await count()).toBe(benchmark.items);
    const options = copy.options as ItemOption[];
    const distractor = options.findIndex((_, i) => i !== copy.answerIndex);
    await expect(editBenchmarkItem(t.db(), lead, v.id, copy.id, { replace: { index: copy.answerIndex, conceptId: options[distractor].conceptId } })).rejects.toThrow(/answer/);
    // A replacement that is the answer in other words is refused with the Tester's check (422).
    const answer = options[copy.answerIndex];
    const twin = await t.db().concept.create({ data: { disciplineId: copy.disciplineId, name: `${answer.text} (plural)s`.replace(/ \(plural\)s$/, "s"), canonicalName: `twin of ${answer.conceptId}` } });
    await expect(editBenchmarkItem(t.db(), lead, v.id, copy.id, { replace: { index: distractor, conceptId: twin.id } })).rejects.toMatchObject({ code: "ITEM_CHECK_FAILED", status: 422 });
  });

  it("exports the benchmark (JSONL, lm-eval task) and the training set (OpenAI, Hugging Face, LLaMA-Factory), streamed", async () => {
    const jsonl = await benchmarkExport(t.db(), benchmark.benchmarkId, "jsonl");
    const lines = (await collect(jsonl.files[0].content())).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(benchmark.items);
    expect(lines[0]).toMatchObject({ question: expect.any(String), choices: expect.any(Array), answer: expect.any(Number) });
    const lmEval = await benchmarkExport(t.db(), benchmark.benchmarkId, "lm-eval");
    expect(lmEval.files.map((f) => f.path)).toEqual(["test.jsonl", `proda_benchmark_v${benchmark.version}.yaml`, `proda_benchmark_v${benchmark.version}_gen.yaml`, "README.md"]);
    expect(await collect(lmEval.files[1].content())).toMatch(/output_type: multiple_choice/);
    expect(await collect(lmEval.files[2].content())).toMatch(/output_type: generate_until/);

    const openai = await trainingSetExport(t.db(), set.trainingSetId, "openai");
    const chat = (await collect(openai.files[0].content())).trim().split("\n");
    expect(chat).toHaveLength(set.instances);
    expect(Object.keys(JSON.parse(chat[0]))).toEqual(["messages"]);
    const hf = await trainingSetExport(t.db(), set.trainingSetId, "hf");
    expect(await collect(hf.files[0].content())).toMatch(/configs:\n {2}- config_name: default\n {4}data_files:\n {6}- split: train/);
    const lf = await trainingSetExport(t.db(), set.trainingSetId, "llama-factory");
    expect(JSON.parse(await collect(lf.files[0].content()))).toEqual({ "v1-v1": expect.objectContaining({ formatting: "sharegpt", file_name: "v1-v1.jsonl" }) });

    const zip = await callRoute(route("/api/training-sets/[id]/export").GET!, "GET", `/api/training-sets/${set.trainingSetId}/export`, { headers: { authorization: `Bearer ${leadToken}` }, params: { id: set.trainingSetId }, query: { format: "hf" } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-disposition")).toBe('attachment; filename="v1-v1-hf.zip"');
    expect(lf.name).toBe("v1-v1-llama-factory");
    expect(zip.text.startsWith("PK")).toBe(true);
  });

  it("exports the own-GPU bundle: the data, LLaMA-Factory's dataset_info and config, Axolotl's config and a README, one recipe in both", async () => {
    const res = await callRoute(route("/api/training-sets/[id]/export").GET!, "GET", `/api/training-sets/${set.trainingSetId}/export`, { headers: { authorization: `Bearer ${leadToken}` }, params: { id: set.trainingSetId }, query: { format: "bundle" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="v1-v1-bundle.zip"');

    const hyperparameters = hyperparametersSchema.parse({ epochs: 5, learningRate: 2e-4, batchSize: 2, loraRank: 8, seed: 11 });
    const bundle = await trainingSetExport(t.db(), set.trainingSetId, "bundle", { baseModel: "meta-llama/Llama-3.1-8B-Instruct", hyperparameters });
    const chunks: Buffer[] = [];
    for await (const c of zipExport(bundle)) chunks.push(c as Buffer);
    const zip = await JSZip.loadAsync(Buffer.concat(chunks));
    const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir).sort();
    expect(files).toEqual(["v1-v1-bundle/README.md", "v1-v1-bundle/axolotl.yaml", "v1-v1-bundle/dataset_info.json", "v1-v1-bundle/llama-factory.yaml", "v1-v1-bundle/v1-v1.jsonl"]);
    const read = (f: string) => zip.file(`v1-v1-bundle/${f}`)!.async("string");

    const chat = (await read("v1-v1.jsonl")).trim().split("\n");
    expect(chat).toHaveLength(set.instances);
    expect(Object.keys(JSON.parse(chat[0]))).toEqual(["messages"]);
    expect(JSON.parse(await read("dataset_info.json"))).toEqual({ "v1-v1": expect.objectContaining({ file_name: "v1-v1.jsonl", formatting: "sharegpt" }) });
    const lf = await read("llama-factory.yaml");
    for (const line of ["model_name_or_path: meta-llama/Llama-3.1-8B-Instruct", "dataset: v1-v1", "template: llama3", "finetuning_type: lora", "num_train_epochs: 5", "learning_rate: 0.0002", "per_device_train_batch_size: 2", "lora_rank: 8", "lora_alpha: 16", "seed: 11"]) expect(lf).toContain(`\n${line}\n`);
    const ax = await read("axolotl.yaml");
    for (const line of ["base_model: meta-llama/Llama-3.1-8B-Instruct", "  - path: v1-v1.jsonl", "    type: chat_template", "    field_messages: messages", "adapter: lora", "num_epochs: 5", "learning_rate: 0.0002", "micro_batch_size: 2", "lora_r: 8", "lora_alpha: 16", "seed: 11"]) expect(ax).toContain(`\n${line}\n`);
    expect(await read("README.md")).toMatch(/llamafactory-cli train llama-factory\.yaml[\s\S]*axolotl train axolotl\.yaml[\s\S]*Register trained model/);

    // Without options: the default recipe.
    const plain = await trainingSetExport(t.db(), set.trainingSetId, "bundle");
    const text = await collect(plain.files.find((f) => f.path === "llama-factory.yaml")!.content());
    expect(text).toContain("\nnum_train_epochs: 3\n");
    expect(text).toContain("\nmodel_name_or_path: Qwen/Qwen2.5-7B-Instruct\n");
  });

  it("reports CORE for the training set", async () => {
    const res = await callRoute(route("/api/training-sets/[id]").GET!, "GET", `/api/training-sets/${set.trainingSetId}`, { headers: { authorization: `Bearer ${leadToken}` }, params: { id: set.trainingSetId } });
    const { core } = res.json as { core: { contextualized: { share: number }; organized: { share: number; coverage: unknown[] }; rigorous: { checks: Record<string, { pass: boolean | null; count: number }> }; evolving: { added: number } } };
    expect(core.contextualized.share).toBeGreaterThan(0.9);
    expect(core.organized.share).toBe(1);
    expect(core.organized.coverage.length).toBe(Object.keys(benchmark.byDiscipline).length);
    expect(core.rigorous.checks.schema).toMatchObject({ pass: true, count: 0 });
    expect(core.rigorous.checks.reachability.pass).toBe(true);
    expect(core.rigorous.checks.orthogonality.pass).toBe(true);
    expect(core.evolving.added).toBe(set.instances);
  });
});
