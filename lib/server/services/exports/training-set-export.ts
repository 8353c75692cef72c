import { DomainError } from "@/lib/domain/errors";
import { axolotlConfig, type BundleConfigInput, DEFAULT_HYPERPARAMETERS, type Hyperparameters, llamaFactoryConfig, llamaFactoryDatasetInfo, llamaFactoryTemplate, resolveHyperparameters } from "@/lib/domain/training";
import type { Db } from "@/lib/server/db";
import { inPositionOrder } from "@/lib/server/queries/in-position-order";
import { once, type Export } from "./export-files";

export const TRAINING_FORMATS = ["openai", "hf", "llama-factory", "bundle"] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];
/** What the own-GPU bundle's configs are written for (defaults: an open 7B instruct model, DEFAULT_HYPERPARAMETERS). */
export type TrainingExportOptions = { baseModel?: string; hyperparameters?: Hyperparameters };
export const DEFAULT_BUNDLE_BASE_MODEL = "Qwen/Qwen2.5-7B-Instruct";
const BATCH = 2000;

/** Instances in order as chat JSONL, read in batches: 160K instances never sit in memory. */
export async function* chatLines(db: Db, trainingSetId: string, withMetadata: boolean): AsyncIterable<string> {
  const batches = inPositionOrder((after) =>
    db.trainingInstance.findMany({
      where: { trainingSetId, position: { gt: after } },
      select: { id: true, position: true, kind: true, prompt: true, completion: true, conceptIds: true, relationIds: true, chunkId: true, discipline: { select: { slug: true } } },
      orderBy: { position: "asc" },
      take: BATCH,
    }),
  );
  for await (const rows of batches) {
    let chunk = "";
    for (const r of rows) {
      const messages = [
        { role: "user", content: r.prompt },
        { role: "assistant", content: r.completion },
      ];
      // OpenAI's fine-tuning format takes messages only; the dataset formats keep the lineage columns.
      const row = withMetadata ? { messages, id: r.id, discipline: r.discipline.slug, kind: r.kind, concept_ids: r.conceptIds, relation_ids: r.relationIds, chunk_id: r.chunkId } : { messages };
      chunk += JSON.stringify(row) + "\n";
    }
    yield chunk;
  }
}

/** How to train with the bundle's configs and bring the result back to the studio. */
function bundleReadme(title: string, count: number, c: BundleConfigInput): string {
  const h = resolveHyperparameters(c.hyperparameters);
  const lora = h.method === "lora";
  const out = c.outputDir ?? `output/${h.method}`;
  return `# ${title}: training bundle

${count} chat instances in \`${c.dataFile}\` (OpenAI chat JSONL, one \`{"messages": [...]}\` per line) with ready configs to fine-tune on your own GPUs. Both configs carry the same recipe: base model \`${c.baseModel}\`, ${lora ? `LoRA (rank ${h.loraRank}, alpha ${h.loraAlpha})` : "full fine-tune"}, ${h.epochs} epochs, learning rate ${h.learningRate}, batch size ${h.batchSize}, seed ${h.seed}. To train another model, change \`model_name_or_path\` (LLaMA-Factory) or \`base_model\` (Axolotl), and LLaMA-Factory's \`template\` to that model's chat template (\`${llamaFactoryTemplate(c.baseModel)}\` was chosen from the model's name).

Run the commands from this folder: the configs name the data by relative path.

## LLaMA-Factory

\`dataset_info.json\` registers the data as \`${c.dataset}\`.

    llamafactory-cli train llama-factory.yaml

## Axolotl

    axolotl train axolotl.yaml

(older Axolotl: \`accelerate launch -m axolotl.cli.train axolotl.yaml\`). Either writes the ${lora ? "LoRA adapter" : "model"} to \`${out}\`.

## Serve it and register it in ProDa Studio

Serve the trained model behind an OpenAI-compatible endpoint, for example with vLLM:

    ${lora ? `vllm serve ${c.baseModel} --enable-lora --lora-modules ${c.dataset}=${out}` : `vllm serve ${out} --served-model-name ${c.dataset}`}

Then open the Models page in ProDa Studio, choose "Register trained model", and enter the endpoint's base URL (for example \`http://<gpu-host>:8000/v1\`) and the served model name (\`${c.dataset}\`). The studio then evaluates it on the benchmark like any other model.
`;
}

/** A training set version as a file name: `name-v3` (downloads, and the file sent to a fine-tuning API). */
export const trainingSetSlug = (set: { name: string; version: number }) =>
  `${set.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "training-set"}-v${set.version}`;

/**
 * OpenAI chat JSONL; a Hugging Face dataset folder (README with `configs`, a train split);
 * LLaMA-Factory's `dataset_info.json` beside the data in its sharegpt/messages layout; or the
 * own-GPU bundle: that plus LLaMA-Factory and Axolotl configs with one set of hyperparameters.
 */
export async function trainingSetExport(db: Db, id: string, format: TrainingFormat, opts: TrainingExportOptions = {}): Promise<Export> {
  const set = await db.trainingSet.findUnique({ where: { id }, select: { id: true, name: true, version: true, status: true, instanceCount: true } });
  if (!set) throw new DomainError("NOT_FOUND", `No training set ${id}`);
  if (set.status === "BUILDING") throw new DomainError("CONFLICT", `${set.name} v${set.version} is still being built`);
  const slug = trainingSetSlug(set);
  if (format === "openai") return { name: `${slug}.jsonl`, kind: "file", contentType: "application/x-ndjson", files: [{ path: `${slug}.jsonl`, content: () => chatLines(db, set.id, false) }] };
  if (format === "hf") {
    const readme = `---\nlicense: other\ntask_categories:\n  - text-generation\nconfigs:\n  - config_name: default\n    data_files:\n      - split: train\n        path: data/train.jsonl\n---\n\n# ${set.name} v${set.version}\n\n${set.instanceCount} chat instances synthesised by ProDa Studio from L1 concepts and L2 relations (never from the L3 chains the benchmark is built from). Columns: \`messages\`, \`discipline\`, \`kind\`, \`concept_ids\`, \`relation_ids\`, \`chunk_id\`.\n`;
    return {
      // Named by format: the Hugging Face and LLaMA-Factory downloads of one version must not share a file name.
      name: `${slug}-hf`,
      kind: "folder",
      contentType: "application/zip",
      files: [
        { path: "README.md", content: () => once(readme) },
        { path: "data/train.jsonl", content: () => chatLines(db, set.id, true) },
      ],
    };
  }
  const info = llamaFactoryDatasetInfo(slug, `${slug}.jsonl`);
  if (format === "bundle") {
    const config: BundleConfigInput = {
      baseModel: opts.baseModel ?? DEFAULT_BUNDLE_BASE_MODEL,
      dataset: slug,
      dataFile: `${slug}.jsonl`,
      hyperparameters: opts.hyperparameters ?? DEFAULT_HYPERPARAMETERS,
      outputDir: `output/${slug}`,
    };
    return {
      name: `${slug}-bundle`,
      kind: "folder",
      contentType: "application/zip",
      files: [
        { path: `${slug}.jsonl`, content: () => chatLines(db, set.id, false) },
        { path: "dataset_info.json", content: () => once(JSON.stringify(info, null, 2) + "\n") },
        { path: "llama-factory.yaml", content: () => once(llamaFactoryConfig(config)) },
        { path: "axolotl.yaml", content: () => once(axolotlConfig(config)) },
        { path: "README.md", content: () => once(bundleReadme(`${set.name} v${set.version}`, set.instanceCount, config)) },
      ],
    };
  }
  return {
    name: `${slug}-llama-factory`,
    kind: "folder",
    contentType: "application/zip",
    files: [
      { path: "dataset_info.json", content: () => once(JSON.stringify(info, null, 2) + "\n") },
      { path: `${slug}.jsonl`, content: () => chatLines(db, set.id, false) },
    ],
  };
}
