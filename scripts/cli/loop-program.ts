import type { Command } from "commander";
import { TRAINERS } from "@/lib/jobs/model-train";
import { LOOP_STAGES, type StageName } from "@/lib/server/services/loop/loop-report";

type Flags = { engine?: string; trainer?: string; endpoint?: string; budget?: string; autoApprove?: boolean; from?: string; json?: boolean };

/** `proda loop`: the whole closed loop, headless. Loaded lazily like the others. */
export function addLoopCommand(program: Command) {
  program
    .command("loop")
    .description(
      "run the whole loop on this workspace, each stage only if it is not up to date: extract, benchmark (frozen), build V1, gates, train V1, evaluate V1 (and the base and official models), trace, patch, build V2, gates, train V2, evaluate V2, report; exits 1 when a gate fails",
    )
    .option("--engine <engine>", "the extraction engine: local (offline) or llm (default: the previous loop's, else local)")
    .option("--trainer <trainer>", `one of ${TRAINERS.join(", ")} (default: the previous loop's, else local: the offline stand-in for a GPU fine-tune)`)
    .option("--endpoint <name>", "the endpoint for --engine llm and for a remote --trainer (Settings, or `env`)")
    .option("--budget <n>", "V1's instances per discipline at most (default: the previous loop's, else 25)")
    .option("--auto-approve", "approve every patch the gate passes; without it the loop stops after tracing while patches wait for review")
    .option("--from <stage>", `run this stage even if it is up to date, and what follows it as its inputs changed (stages before it run only if stale): one of ${LOOP_STAGES.join(", ")}`)
    .option("--json", "print the figures and each stage's result as JSON")
    .action(async (opts: Flags) => {
      if (opts.engine !== undefined && opts.engine !== "local" && opts.engine !== "llm") program.error(`--engine must be local or llm, not ${opts.engine}`);
      if (opts.trainer === "bundle") program.error("the loop trains through a trainer it can follow: local, openai or together (a bundle is trained on your own GPUs: `proda export training-set <ref> --format bundle`)");
      if (opts.trainer !== undefined && !(TRAINERS as readonly string[]).includes(opts.trainer)) program.error(`--trainer must be one of ${TRAINERS.join(", ")}, not ${opts.trainer}`);
      if (opts.budget !== undefined && !/^[1-9]\d*$/.test(opts.budget)) program.error(`--budget must be a positive whole number, not ${opts.budget}`);
      if (opts.endpoint !== undefined && opts.engine !== "llm" && (opts.trainer === undefined || opts.trainer === "local")) {
        program.error("--endpoint names the endpoint of --engine llm or of a remote --trainer (openai, together): pass one of those with it");
      }
      if (opts.from !== undefined && !(LOOP_STAGES as readonly string[]).includes(opts.from)) program.error(`--from must be one of the stages ${LOOP_STAGES.join(", ")}, not ${opts.from}`);
      const { loopCommand } = await import("./loop-command");
      process.exitCode = await loopCommand({
        engine: opts.engine as "local" | "llm" | undefined,
        trainer: opts.trainer as (typeof TRAINERS)[number] | undefined,
        endpoint: opts.endpoint,
        budget: opts.budget === undefined ? undefined : Number(opts.budget),
        autoApprove: opts.autoApprove,
        from: opts.from as StageName | undefined,
        json: opts.json,
      });
    });
}
