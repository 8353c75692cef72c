import { DomainError } from "@/lib/domain/errors";
import type { ItemOption, PathStep } from "@/lib/domain/tester";
import type { Db } from "@/lib/server/db";
import { inPositionOrder } from "@/lib/server/queries/in-position-order";
import { once, type Export } from "./export-files";

export const BENCHMARK_FORMATS = ["jsonl", "lm-eval"] as const;
export type BenchmarkFormat = (typeof BENCHMARK_FORMATS)[number];
const BATCH = 2000;
const LETTERS = "ABCDEFGH";

/** Active items in order, one JSON line each, read in batches (never the whole benchmark at once). */
async function* itemLines(db: Db, benchmarkId: string): AsyncIterable<string> {
  const batches = inPositionOrder((after) =>
    db.benchmarkItem.findMany({
      where: { benchmarkId, status: "ACTIVE", position: { gt: after } },
      select: { id: true, position: true, stem: true, options: true, answerIndex: true, difficulty: true, path: true, chainId: true, discipline: { select: { slug: true } } },
      orderBy: { position: "asc" },
      take: BATCH,
    }),
  );
  for await (const rows of batches) {
    let chunk = "";
    for (const r of rows) {
      const options = r.options as ItemOption[];
      chunk +=
        JSON.stringify({
          id: r.id,
          discipline: r.discipline.slug,
          question: r.stem,
          choices: options.map((o) => o.text),
          answer: r.answerIndex,
          answer_text: options[r.answerIndex]?.text,
          operators: options.map((o) => o.operator),
          difficulty: r.difficulty,
          chain_id: r.chainId,
          path: r.path as PathStep[],
        }) + "\n";
    }
    yield chunk;
  }
}

/**
 * JSONL, or an lm-evaluation-harness task folder: the items, a `multiple_choice` task (scored
 * by log-likelihood of each option) and a `generate_until` variant for chat-only endpoints
 * (lettered options, the letter extracted from the answer).
 */
export async function benchmarkExport(db: Db, id: string, format: BenchmarkFormat): Promise<Export> {
  const b = await db.benchmark.findUnique({ where: { id }, select: { id: true, version: true, status: true } });
  if (!b) throw new DomainError("NOT_FOUND", `No benchmark ${id}`);
  const task = `proda_benchmark_v${b.version}`;
  const lines = () => itemLines(db, b.id);
  if (format === "jsonl") return { name: `${task}.jsonl`, kind: "file", contentType: "application/x-ndjson", files: [{ path: `${task}.jsonl`, content: lines }] };
  const common = `dataset_path: json\ndataset_kwargs:\n  data_files:\n    test: test.jsonl\ntest_split: test\n`;
  const mc = `task: ${task}\n${common}output_type: multiple_choice\ndoc_to_text: "Question: {{question}}\\nAnswer:"\ndoc_to_choice: "{{choices}}"\ndoc_to_target: "{{answer}}"\nmetric_list:\n  - metric: acc\n    aggregation: mean\n    higher_is_better: true\n  - metric: acc_norm\n    aggregation: mean\n    higher_is_better: true\nmetadata:\n  version: ${b.version}.0\n`;
  const gen = `task: ${task}_gen\n${common}output_type: generate_until\ndoc_to_text: "Question: {{question}}\\n{% for c in choices %}{{ '${LETTERS}'[loop.index0] }}. {{ c }}\\n{% endfor %}Answer with the letter only.\\nAnswer:"\ndoc_to_target: "{{ '${LETTERS}'[answer] }}"\ngeneration_kwargs:\n  until: ["\\n"]\n  do_sample: false\n  temperature: 0.0\nfilter_list:\n  - name: letter\n    filter:\n      - function: regex\n        regex_pattern: "\\\\b([A-H])\\\\b"\n      - function: take_first\nmetric_list:\n  - metric: exact_match\n    aggregation: mean\n    higher_is_better: true\nmetadata:\n  version: ${b.version}.0\n`;
  const readme = `# ${task}\n\nProDa Studio benchmark v${b.version} (${b.status.toLowerCase()}): multiple-choice items built from L3 reasoning chains, with INVREL, TRUNC and NEARMISS distractors.\n\nRun from this folder (the data path is relative):\n\n    lm_eval --include_path . --tasks ${task} --model hf --model_args pretrained=<model>\n    lm_eval --include_path . --tasks ${task}_gen --model local-chat-completions --model_args base_url=<url>,model=<name> --apply_chat_template\n`;
  return {
    name: task,
    kind: "folder",
    contentType: "application/zip",
    files: [
      { path: "test.jsonl", content: lines },
      { path: `${task}.yaml`, content: () => once(mc) },
      { path: `${task}_gen.yaml`, content: () => once(gen) },
      { path: "README.md", content: () => once(readme) },
    ],
  };
}
