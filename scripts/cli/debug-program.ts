import type { Command } from "commander";

/** The annotators' and leads' Debugger commands: debug, and patch list / approve / reject / apply. Loaded lazily like the others. */
export function addDebugCommands(program: Command) {
  program
    .command("debug")
    .description("trace every failed item of an evaluation back through its chain (probes asked of the same model) and propose patches for the deficient concepts and relations")
    .option("--model <name>", "the model version whose newest finished evaluation is traced")
    .option("--evaluation <id>", "an evaluation run id (default: the newest finished one)")
    .option("--llm-patches", "write the patches with an LLM endpoint from the same facts as the templates (a rewrite that drops a concept's name or that the gate refuses keeps its template)")
    .option("--endpoint <name>", "the LLM endpoint for --llm-patches (Settings, or `env` for PRODA_LLM_BASE_URL)")
    .option("--json", "print the report as JSON")
    .action(async (opts: { model?: string; evaluation?: string; llmPatches?: boolean; endpoint?: string; json?: boolean }) => {
      const { debugCommand } = await import("./debug-command");
      process.exitCode = await debugCommand(opts);
    });

  const patch = program.command("patch").description("review the Debugger's patches and apply the approved ones (V2 = V1 + patches)");
  const run = ["--debug-run <id>", "a debug run id (default: the newest)"] as const;
  patch
    .command("list")
    .description("list the patches of a debug run")
    .option(...run)
    .option("--status <status>", "PROPOSED, APPROVED, REJECTED or APPLIED")
    .option("--json", "print them as JSON")
    .action(async (opts: { debugRun?: string; status?: string; json?: boolean }) => {
      const { patchListCommand } = await import("./debug-command");
      process.exitCode = await patchListCommand(opts);
    });
  for (const decision of ["approve", "reject"] as const) {
    patch
      .command(decision)
      .description(`${decision} patches by id, or every proposed one with --all${decision === "approve" ? " (a patch the gate refuses cannot be approved)" : ""}`)
      .argument("[ids...]", "patch ids")
      .option("--all", "every proposed patch of the debug run")
      .option(...run)
      .option("--json", "print the decisions as JSON")
      .action(async (ids: string[], opts: { all?: boolean; debugRun?: string; json?: boolean }) => {
        if (!opts.all && !ids.length) program.error(`name the patches to ${decision}, or pass --all`);
        const { patchDecideCommand } = await import("./debug-command");
        process.exitCode = await patchDecideCommand(decision, ids, opts);
      });
  }
  patch
    .command("apply")
    .description("make the next version of the debugged model's training set: every instance of it plus the approved patches (then `proda check` and `proda approve`)")
    .option(...run)
    .option("--json", "print the new training set as JSON")
    .action(async (opts: { debugRun?: string; json?: boolean }) => {
      const { patchApplyCommand } = await import("./debug-command");
      process.exitCode = await patchApplyCommand(opts);
    });
}
