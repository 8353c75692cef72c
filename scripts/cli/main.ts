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

try {
  await program.parseAsync(process.argv);
} catch (e) {
  console.error(`proda: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
