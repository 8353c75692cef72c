import { type Hyperparameters, resolveHyperparameters } from "./hyperparameters";
import { toYaml } from "./yaml";

/** What the own-GPU configs are written for: a base model and the chat JSONL lying beside them. */
export type BundleConfigInput = {
  /** Hugging Face id or local path of the model to fine-tune */
  baseModel: string;
  /** the dataset's name in LLaMA-Factory's dataset_info.json */
  dataset: string;
  /** the chat JSONL's file name, relative to the folder the configs are run from */
  dataFile: string;
  hyperparameters: Hyperparameters;
  /** where the trained weights go (default output/<method>) */
  outputDir?: string;
};

// Settings that are not ProDa hyperparameters but must match in both configs for the two
// trainers to run the same recipe.
const SHARED = { cutoffLen: 2048, loraDropout: 0.05, warmupRatio: 0.1, scheduler: "cosine", loggingSteps: 10 } as const;

/** LLaMA-Factory's dataset_info.json entry for OpenAI chat JSONL (`{"messages": [...]}` per line). */
export function llamaFactoryDatasetInfo(dataset: string, dataFile: string) {
  return {
    [dataset]: {
      file_name: dataFile,
      formatting: "sharegpt",
      columns: { messages: "messages" },
      tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
    },
  };
}

/**
 * LLaMA-Factory's chat template for a base model, guessed from its name; "default" when unknown
 * (the README says to check it, since the wrong template trains the model on the wrong prompts).
 */
export function llamaFactoryTemplate(baseModel: string): string {
  const m = baseModel.toLowerCase();
  if (/qwen3/.test(m)) return "qwen3";
  if (/qwen/.test(m)) return "qwen";
  if (/llama-?3/.test(m)) return "llama3";
  if (/mi[sx]tral/.test(m)) return "mistral";
  if (/gemma/.test(m)) return "gemma";
  return "default";
}

const outputDir = (i: BundleConfigInput) => i.outputDir ?? `output/${i.hyperparameters.method}`;
const HEADER = "Written by ProDa Studio. Run from the folder this file is in (paths are relative).";

/** A LLaMA-Factory SFT config (`llamafactory-cli train llama-factory.yaml`). */
export function llamaFactoryConfig(input: BundleConfigInput): string {
  const h = resolveHyperparameters(input.hyperparameters);
  const lora = h.method === "lora";
  return toYaml(
    {
      model_name_or_path: input.baseModel,
      trust_remote_code: true,
      stage: "sft",
      do_train: true,
      finetuning_type: h.method,
      lora_rank: lora ? h.loraRank : undefined,
      lora_alpha: lora ? h.loraAlpha : undefined,
      lora_dropout: lora ? SHARED.loraDropout : undefined,
      lora_target: lora ? "all" : undefined,
      dataset: input.dataset,
      dataset_dir: ".",
      template: llamaFactoryTemplate(input.baseModel),
      cutoff_len: SHARED.cutoffLen,
      overwrite_cache: true,
      output_dir: outputDir(input),
      overwrite_output_dir: true,
      logging_steps: SHARED.loggingSteps,
      save_strategy: "epoch",
      plot_loss: true,
      report_to: "none",
      per_device_train_batch_size: h.batchSize,
      // 1, so that the batch size means what it means at the hosted providers: examples per step on one GPU.
      gradient_accumulation_steps: 1,
      learning_rate: h.learningRate,
      num_train_epochs: h.epochs,
      lr_scheduler_type: SHARED.scheduler,
      warmup_ratio: SHARED.warmupRatio,
      bf16: true,
      seed: h.seed,
    },
    HEADER,
  );
}

/** An Axolotl config (`axolotl train axolotl.yaml`) for the same data and hyperparameters. */
export function axolotlConfig(input: BundleConfigInput): string {
  const h = resolveHyperparameters(input.hyperparameters);
  const lora = h.method === "lora";
  return toYaml(
    {
      base_model: input.baseModel,
      trust_remote_code: true,
      datasets: [{ path: input.dataFile, ds_type: "json", type: "chat_template", field_messages: "messages" }],
      chat_template: "tokenizer_default",
      dataset_prepared_path: "last_run_prepared",
      val_set_size: 0,
      output_dir: outputDir(input),
      sequence_len: SHARED.cutoffLen,
      // Without an adapter Axolotl trains every weight: the "full" method.
      adapter: lora ? "lora" : undefined,
      lora_r: lora ? h.loraRank : undefined,
      lora_alpha: lora ? h.loraAlpha : undefined,
      lora_dropout: lora ? SHARED.loraDropout : undefined,
      lora_target_linear: lora ? true : undefined,
      micro_batch_size: h.batchSize,
      gradient_accumulation_steps: 1,
      num_epochs: h.epochs,
      optimizer: "adamw_torch",
      lr_scheduler: SHARED.scheduler,
      learning_rate: h.learningRate,
      warmup_ratio: SHARED.warmupRatio,
      bf16: "auto",
      logging_steps: SHARED.loggingSteps,
      saves_per_epoch: 1,
      seed: h.seed,
    },
    HEADER,
  );
}
