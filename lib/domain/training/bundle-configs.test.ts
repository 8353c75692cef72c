import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { axolotlConfig, type BundleConfigInput, hyperparametersSchema, llamaFactoryConfig, llamaFactoryDatasetInfo, llamaFactoryTemplate, toYaml } from "./index";

/**
 * The configs' real readers are Python's (LLaMA-Factory and Axolotl load them with PyYAML, YAML
 * 1.1), and the project has no YAML parser of its own: read them back with PyYAML where the
 * machine has it (Debian's python3-yaml).
 */
function pyYaml(text: string): unknown {
  const r = spawnSync("python3", ["-c", "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))"], { input: text, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
const hasPyYaml = spawnSync("python3", ["-c", "import yaml"]).status === 0;

const input = (h: object): BundleConfigInput => ({ baseModel: "Qwen/Qwen2.5-7B-Instruct", dataset: "physics-v2", dataFile: "physics-v2.jsonl", hyperparameters: hyperparametersSchema.parse(h) });

describe("the YAML writer", () => {
  const tricky = {
    words: ["yes", "No", "null", "~", "on", "true", "1e5", "0x1F", "123", "1.5", ".inf", "", " padded", "a: b", "#hash", "- dash", "it's", 'say "hi"', "two\nlines", "été", "Qwen/Qwen2.5-7B-Instruct"],
    numbers: [3, -2, 0.5, 1e-4, 2e-5, 1e-7, 1.5e-8, 1e21, 0],
    flags: [true, false, null],
    nested: { list: [{ path: "a.jsonl", type: "chat_template" }, { "odd key": 1 }], empty: [], none: {} },
    "key: with colon": "v",
  };

  it("writes plain words bare and quotes whatever YAML could read as something else", () => {
    const text = toYaml({ stage: "sft", answer: "yes", version: "1e5", path: "output/lora", lr: 1e-7 }, "a header");
    expect(text).toBe('# a header\nstage: sft\nanswer: "yes"\nversion: "1e5"\npath: output/lora\nlr: 1.0e-7\n');
  });

  it.skipIf(!hasPyYaml)("reads back in PyYAML as exactly what was written", () => {
    expect(pyYaml(toYaml(tricky))).toEqual(tricky);
  });
});

describe("the own-GPU configs", () => {
  it("point LLaMA-Factory at the JSONL beside them, by the same dataset name", () => {
    const info = llamaFactoryDatasetInfo("physics-v2", "physics-v2.jsonl");
    expect(info).toEqual({ "physics-v2": expect.objectContaining({ file_name: "physics-v2.jsonl", formatting: "sharegpt", columns: { messages: "messages" } }) });
    expect(llamaFactoryConfig(input({}))).toMatch(/^dataset: physics-v2$/m);
    expect(llamaFactoryConfig(input({}))).toMatch(/^dataset_dir: "\."$/m);
    expect(axolotlConfig(input({}))).toMatch(/^ {2}- path: physics-v2\.jsonl$/m);
  });

  it("guess LLaMA-Factory's chat template from the model name", () => {
    expect(["Qwen/Qwen3-8B", "Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.1-8B-Instruct", "mistralai/Mistral-7B-Instruct-v0.3", "google/gemma-2-9b-it", "acme/unknown"].map(llamaFactoryTemplate)).toEqual(["qwen3", "qwen", "llama3", "mistral", "gemma", "default"]);
  });

  it("carry the hyperparameters in every line that names one", () => {
    const lf = llamaFactoryConfig(input({ epochs: 4, learningRate: 2e-4, batchSize: 8, loraRank: 32, loraAlpha: 64, seed: 7 }));
    for (const line of ["num_train_epochs: 4", "learning_rate: 0.0002", "per_device_train_batch_size: 8", "lora_rank: 32", "lora_alpha: 64", "seed: 7", "finetuning_type: lora", "stage: sft", "do_train: true", "template: qwen"]) {
      expect(lf).toContain(`\n${line}\n`);
    }
    const ax = axolotlConfig(input({ epochs: 4, learningRate: 2e-4, batchSize: 8, loraRank: 32, loraAlpha: 64, seed: 7 }));
    for (const line of ["num_epochs: 4", "learning_rate: 0.0002", "micro_batch_size: 8", "lora_r: 32", "lora_alpha: 64", "seed: 7", "adapter: lora", "base_model: Qwen/Qwen2.5-7B-Instruct"]) {
      expect(ax).toContain(`\n${line}\n`);
    }
  });

  it.skipIf(!hasPyYaml)("parse back in PyYAML with the same hyperparameters in both, LoRA or full", () => {
    for (const h of [{}, { epochs: 2, learningRate: 3e-5, batchSize: 2, loraRank: 8, seed: 1 }, { method: "full", epochs: 1 }]) {
      const lf = pyYaml(llamaFactoryConfig(input(h))) as Record<string, unknown>;
      const ax = pyYaml(axolotlConfig(input(h))) as Record<string, unknown>;
      expect(lf).toMatchObject({ model_name_or_path: "Qwen/Qwen2.5-7B-Instruct", stage: "sft", do_train: true, dataset: "physics-v2", template: "qwen" });
      expect(ax).toMatchObject({ base_model: "Qwen/Qwen2.5-7B-Instruct", datasets: [{ path: "physics-v2.jsonl", type: "chat_template", field_messages: "messages" }] });
      expect(typeof lf.learning_rate).toBe("number"); // a string would make the trainer stop at start-up
      expect([lf.num_train_epochs, lf.learning_rate, lf.per_device_train_batch_size, lf.gradient_accumulation_steps, lf.seed, lf.output_dir]).toEqual([ax.num_epochs, ax.learning_rate, ax.micro_batch_size, ax.gradient_accumulation_steps, ax.seed, ax.output_dir]);
      const full = (h as { method?: string }).method === "full";
      expect(lf.finetuning_type).toBe(full ? "full" : "lora");
      expect(ax.adapter).toBe(full ? undefined : "lora");
      if (!full) expect([lf.lora_rank, lf.lora_alpha, lf.lora_dropout]).toEqual([ax.lora_r, ax.lora_alpha, ax.lora_dropout]);
    }
    const lf = pyYaml(llamaFactoryConfig(input({ epochs: 2, learningRate: 3e-5, loraRank: 8, seed: 1 }))) as Record<string, unknown>;
    expect(lf).toMatchObject({ num_train_epochs: 2, learning_rate: 3e-5, lora_rank: 8, lora_alpha: 16, seed: 1, per_device_train_batch_size: 4 });
  });
});
