import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { inPositionOrder } from "@/lib/server/queries/in-position-order";
import { once, type Export } from "./export-files";

export const TRAINING_FORMATS = ["openai", "hf", "llama-factory"] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];
const BATCH = 2000;

/** Instances in order as chat JSONL, read in batches: 160K instances never sit in memory. */
async function* chatLines(db: Db, trainingSetId: string, withMetadata: boolean): AsyncIterable<string> {
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

/**
 * OpenAI chat JSONL; a Hugging Face dataset folder (README with `configs`, a train split); or
 * LLaMA-Factory's `dataset_info.json` beside the data in its sharegpt/messages layout.
 */
export async function trainingSetExport(db: Db, id: string, format: TrainingFormat): Promise<Export> {
  const set = await db.trainingSet.findUnique({ where: { id }, select: { id: true, name: true, version: true, status: true, instanceCount: true } });
  if (!set) throw new DomainError("NOT_FOUND", `No training set ${id}`);
  if (set.status === "BUILDING") throw new DomainError("CONFLICT", `${set.name} v${set.version} is still being built`);
  const slug = `${set.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "training-set"}-v${set.version}`;
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
  const info = {
    [slug]: {
      file_name: `${slug}.jsonl`,
      formatting: "sharegpt",
      columns: { messages: "messages" },
      tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
    },
  };
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
