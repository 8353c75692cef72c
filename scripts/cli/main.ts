import { Command } from "commander";

const program = new Command()
  .name("proda")
  .description("ProDa Studio from the command line: the same pipeline and database as the studio.")
  .showHelpAfterError();

program
  .command("import")
  .description("import documents (txt, md, html, pdf, docx) from a file or folder; a folder's manifest.jsonl gives discipline, title, license and source")
  .argument("<path>", "a file, or a folder (with or without manifest.jsonl)")
  .option("-d, --discipline <slug>", "discipline for files no manifest line assigns")
  .option("--json", "print the report as JSON")
  .action(async (target: string, opts: { json?: boolean; discipline?: string }) => {
    // Commands load lazily so `--help` answers at once.
    const { importCommand } = await import("./import-command");
    process.exitCode = await importCommand(target, opts);
  });

program
  .command("extract")
  .description("extract the knowledge structure (L3 chains, L2 relations, L1 concepts) from the imported chunks; already extracted chunks are skipped")
  .option("-d, --discipline <slug>", "only this discipline")
  .option("--engine <engine>", "local (offline, default) or llm", "local")
  .option("--endpoint <name>", "the LLM endpoint (Settings, or `env` for PRODA_LLM_BASE_URL)")
  .option("--force", "extract again chunks already extracted with these settings (replaces untouched drafts)")
  .option("--json", "print the report as JSON")
  .action(async (opts: { discipline?: string; engine?: string; endpoint?: string; force?: boolean; json?: boolean }) => {
    if (opts.engine !== "local" && opts.engine !== "llm") program.error(`--engine must be local or llm, not ${opts.engine}`);
    const { extractCommand } = await import("./extract-command");
    process.exitCode = await extractCommand({ ...opts, engine: opts.engine as "local" | "llm" });
  });

program
  .command("check")
  .description("check the gates (reachability of the knowledge structure); exits 1 when one fails")
  .option("-d, --discipline <slug>", "only this discipline")
  .option("--json", "print the report as JSON")
  .action(async (opts: { discipline?: string; json?: boolean }) => {
    const { checkCommand } = await import("./check-command");
    process.exitCode = await checkCommand(opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  console.error(`proda: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
