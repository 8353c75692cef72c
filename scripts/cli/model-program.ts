import type { Command } from "commander";
import { MODEL_STAGES, TRAINERS } from "@/lib/jobs/model-train";

type Stage = (typeof MODEL_STAGES)[number];
const wholeNumber = /^\d+$/;
const positive = /^(\d+\.?\d*|\.\d+)(e-?\d+)?$/i;

/** The lead's commands: approve, train, eval, report, models (and models register). Loaded lazily like the others. */
export function addModelCommands(program: Command) {
  program
    .command("approve")
    .description("approve a training set for fine-tuning (test first and the orthogonality gate are enforced; the reasons are printed when refused)")
    .argument("<training-set>", "an id, a name (its latest version) or name@version")
    .option("--json", "print the approved set as JSON")
    .action(async (ref: string, opts: { json?: boolean }) => {
      const { approveCommand } = await import("./models-command");
      process.exitCode = await approveCommand(ref, opts);
    });

  program
    .command("train")
    .description("fine-tune a model version on an approved training set: the local student (offline stand-in for a GPU fine-tune) or a remote fine-tune; `export training-set <ref> --format bundle` for your own GPUs")
    .requiredOption("--name <name>", "the version's name (V1, V2, ...)")
    .option("--trainer <trainer>", `one of ${TRAINERS.join(", ")}`, "local")
    .option("--training-set <ref>", "an id, a name or name@version (default: the newest approved set)")
    .option("--stage <stage>", `one of ${MODEL_STAGES.join(", ")} (default: V1 or V2 by the name, else CUSTOM)`)
    .option("--endpoint <name>", "the endpoint whose fine-tuning API trains it (Settings, or `env`)")
    .option("--base-model <model>", "the model to fine-tune (default: the endpoint's model)")
    .option("--epochs <n>", "epochs (default 3)")
    .option("--learning-rate <x>", "absolute learning rate (Together)")
    .option("--learning-rate-multiplier <x>", "learning-rate multiplier (OpenAI)")
    .option("--batch-size <n>", "batch size")
    .option("--lora-rank <n>", "LoRA rank (Together)")
    .option("--seed <n>", "seed")
    .option("--json", "print the new version as JSON")
    .action(async (opts: { name: string; trainer: string; stage?: string; epochs?: string; batchSize?: string; loraRank?: string; seed?: string; learningRate?: string; learningRateMultiplier?: string; json?: boolean }) => {
      if (opts.trainer === "bundle") program.error("to train on your own GPUs, download the bundle: `proda export training-set <ref> --format bundle --out <file>`, then `proda models register`");
      if (!(TRAINERS as readonly string[]).includes(opts.trainer)) program.error(`--trainer must be one of ${TRAINERS.join(", ")}, not ${opts.trainer}`);
      if (opts.stage && !(MODEL_STAGES as readonly string[]).includes(opts.stage)) program.error(`--stage must be one of ${MODEL_STAGES.join(", ")}, not ${opts.stage}`);
      for (const [flag, v] of [["--epochs", opts.epochs], ["--batch-size", opts.batchSize], ["--lora-rank", opts.loraRank], ["--seed", opts.seed]] as const) {
        if (v !== undefined && (!wholeNumber.test(v) || (flag !== "--seed" && Number(v) === 0))) program.error(`${flag} must be a ${flag === "--seed" ? "whole" : "positive whole"} number, not ${v}`);
      }
      if (opts.epochs !== undefined && Number(opts.epochs) > 50) program.error(`--epochs must be at most 50, not ${opts.epochs}`);
      for (const [flag, v] of [["--learning-rate", opts.learningRate], ["--learning-rate-multiplier", opts.learningRateMultiplier]] as const) {
        if (v !== undefined && (!positive.test(v) || Number(v) <= 0)) program.error(`${flag} must be a positive number, not ${v}`);
      }
      const { trainCommand } = await import("./models-command");
      process.exitCode = await trainCommand({ ...opts, trainer: opts.trainer as (typeof TRAINERS)[number], stage: opts.stage as Stage | undefined });
    });

  program
    .command("eval")
    .description("evaluate a model version on a frozen benchmark: every active item asked once, answers stored; accuracy with a 95% interval, per discipline, chain length and chosen distractor")
    .requiredOption("--model <name>", "the model version's name")
    .option("--benchmark <ref>", "an id, v<N> or latest (default: the newest frozen benchmark)")
    .option("--json", "print the metrics as JSON")
    .action(async (opts: { model: string; benchmark?: string; json?: boolean }) => {
      const { evalCommand } = await import("./models-command");
      process.exitCode = await evalCommand(opts);
    });

  program
    .command("report")
    .description("the leads' dashboard as text: versions compared on one frozen benchmark (accuracy with 95% intervals, per discipline and chain length, the paired McNemar test, flips and their patches, diagnoses, answer-bias baselines, external correlation, CORE)")
    .option("--benchmark <ref>", "a frozen benchmark: id or v<N> (default: the newest frozen one with an evaluation)")
    .option("--models <names>", "versions to compare, comma-separated (default: the 4 newest evaluated on it)")
    .option("--pair <names>", "the two versions to pair, older first (default: the last two compared)")
    .option("--json", "print the report as JSON (the dashboard's schema)")
    .action(async (opts: { benchmark?: string; models?: string; pair?: string; json?: boolean }) => {
      const { reportCommand } = await import("./report-command");
      process.exitCode = await reportCommand(opts);
    });

  const models = program
    .command("models")
    .description("list model versions with their lineage and last evaluation")
    .option("--json", "print them as JSON")
    .action(async (opts: { json?: boolean }) => {
      const { modelsCommand } = await import("./models-command");
      process.exitCode = await modelsCommand(opts);
    });

  models
    .command("register")
    .description("register a model an OpenAI-compatible server serves (vLLM, llama.cpp, Ollama, a hosted API) as a base, official or own-GPU version")
    .requiredOption("--name <name>", "the version's name")
    .requiredOption("--endpoint <name>", "the endpoint serving it (Settings, or `env`)")
    .option("--model <id>", "the model id at that endpoint (default: the endpoint's model)")
    .option("--stage <stage>", `one of ${MODEL_STAGES.join(", ")}`, "BASE")
    .option("--bundle", "it was trained on your own GPUs from the bundle (trainer: bundle)")
    .option("--json", "print the version as JSON")
    .action(async (opts: { name: string; endpoint: string; model?: string; stage: string; bundle?: boolean; json?: boolean }) => {
      if (!(MODEL_STAGES as readonly string[]).includes(opts.stage)) program.error(`--stage must be one of ${MODEL_STAGES.join(", ")}, not ${opts.stage}`);
      const { registerCommand } = await import("./models-command");
      process.exitCode = await registerCommand({ name: opts.name, endpoint: opts.endpoint, model: opts.model, stage: opts.stage as Stage, trainer: opts.bundle ? "bundle" : "registered", json: opts.json });
    });
}
