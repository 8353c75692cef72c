import { Command, CommanderError } from "commander";
import { addDebugCommands } from "./debug-program";
import { addLoopCommand } from "./loop-program";
import { addModelCommands } from "./model-program";
import { errorOf, printError, wantsJson } from "./output";

// With --json a usage error is JSON on stdout too: commander throws instead of printing and exiting.
const json = wantsJson();
const program = new Command()
  .name("proda")
  .description("ProDa Studio from the command line: the same pipeline and database as the studio.")
  .exitOverride()
  .configureOutput({ writeErr: (text) => (json ? undefined : process.stderr.write(text)) });
if (!json) program.showHelpAfterError();

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
  .option("--verify", "check every triple against its evidence sentence with the LLM endpoint; refused triples are not written")
  .option("--force", "extract again chunks already extracted with these settings (replaces untouched drafts)")
  .option("--json", "print the report as JSON")
  .action(async (opts: { discipline?: string; engine?: string; endpoint?: string; verify?: boolean; force?: boolean; json?: boolean }) => {
    if (opts.engine !== "local" && opts.engine !== "llm") program.error(`--engine must be local or llm, not ${opts.engine}`);
    const { extractCommand } = await import("./extract-command");
    process.exitCode = await extractCommand({ ...opts, engine: opts.engine as "local" | "llm" });
  });

const collect = (value: string, previous: string[] = []) => [...previous, value];

program
  .command("benchmark")
  .description("the Tester: build a benchmark version from the L3 chains (before any training), with INVREL, TRUNC and NEARMISS distractors")
  .option("-d, --discipline <slug>", "only this discipline (repeatable)", collect)
  .option("--approved-only", "only approved chains (drafts count by default)")
  .option("--seed <n>", "seed of the option shuffle")
  .option("--name <name>", "a name for the version")
  .option("--freeze", "freeze it at once: its items can no longer change")
  .option("--reword", "reword each stem naturally with an LLM endpoint (a rewording that leaks an option is not used)")
  .option("--verify", "answer every item with the LLM endpoint, with its chain's evidence (must pick the answer) and with the answer removed (must find no other right option); failures are rejected with the reason")
  .option("--endpoint <name>", "the LLM endpoint for --reword and --verify (Settings, or `env` for PRODA_LLM_BASE_URL)")
  .option("--json", "print the report as JSON")
  .action(async (opts: { discipline?: string[]; approvedOnly?: boolean; seed?: string; name?: string; freeze?: boolean; reword?: boolean; verify?: boolean; endpoint?: string; json?: boolean }) => {
    if (opts.seed !== undefined && !/^\d+$/.test(opts.seed)) program.error(`--seed must be a whole number, not ${opts.seed}`);
    const { benchmarkCommand } = await import("./benchmark-command");
    process.exitCode = await benchmarkCommand(opts);
  });

program
  .command("build")
  .description("the Builder: synthesise a training set version from L1 concepts and L2 relations only")
  .requiredOption("--name <name>", "the training set's name; each build is its next version")
  .option("--budget <n>", "instances per discipline at most (coverage first, then salience)")
  .option("-d, --discipline <slug>", "only this discipline (repeatable)", collect)
  .option("--approved-only", "only approved concepts and relations")
  .option("--tested-only", "only the disciplines a frozen benchmark covers (test first: only those can be approved for training)")
  .option("--note <text>", "what changed, for the lineage")
  .option("--paraphrase", "paraphrase each instance with an LLM endpoint (one that drops a concept name is not used)")
  .option("--endpoint <name>", "the LLM endpoint for --paraphrase (Settings, or `env` for PRODA_LLM_BASE_URL)")
  .option("--json", "print the report as JSON")
  .action(async (opts: { name: string; budget?: string; discipline?: string[]; approvedOnly?: boolean; testedOnly?: boolean; note?: string; paraphrase?: boolean; endpoint?: string; json?: boolean }) => {
    if (opts.budget !== undefined && !/^[1-9]\d*$/.test(opts.budget)) program.error(`--budget must be a positive whole number, not ${opts.budget}`);
    const { buildCommand } = await import("./build-command");
    process.exitCode = await buildCommand(opts);
  });

program
  .command("export")
  .description("export a benchmark (jsonl, lm-eval) or a training set (openai, hf, llama-factory, bundle: data + LLaMA-Factory and Axolotl configs)")
  .argument("<what>", "benchmark or training-set")
  .argument("<ref>", "benchmark: id, v<N> or latest; training set: id, name or name@version")
  .option("--format <format>", "benchmark: jsonl | lm-eval; training set: openai | hf | llama-factory | bundle")
  .requiredOption("--out <path>", "a file for jsonl and openai, a folder for the others")
  .option("--json", "print what was written as JSON")
  .action(async (what: string, ref: string, opts: { format?: string; out: string; json?: boolean }) => {
    const { exportCommand } = await import("./export-command");
    process.exitCode = await exportCommand(what, ref, opts);
  });

program
  .command("check")
  .description("check the gates (reachability of the structure, orthogonality of every training set against the benchmarks); exits 1 when one fails")
  .option("-d, --discipline <slug>", "only this discipline")
  .option("--json", "print the report as JSON")
  .action(async (opts: { discipline?: string; json?: boolean }) => {
    const { checkCommand } = await import("./check-command");
    process.exitCode = await checkCommand(opts);
  });

const review = program.command("review").description("the review queue of the knowledge structure: list drafts, assign them to reviewers, comment on them");
const LEVELS = ["concept", "relation", "chain"];
const checkLevel = (level: string, all = false) => {
  if (!LEVELS.includes(level) && !(all && level === "all")) program.error(`the level must be one of ${[...(all ? ["all"] : []), ...LEVELS].join(", ")}, not ${level}`);
};
const asOption = "act as this person (who must be allowed to); without it, the local admin";

review
  .command("queue")
  .description("draft concepts, relations and chains to review, concepts first, with the total; a page at a time")
  .option("-d, --discipline <slug>", "only this discipline")
  .option("--level <level>", "all, concept, relation or chain", "all")
  .option("--assignee <who>", "anyone, me (needs --as), none (unassigned) or a reviewer's email", "anyone")
  .option("--limit <n>", "items per page (1 to 200)", "50")
  .option("--cursor <cursor>", "the next page: the cursor the previous page printed")
  .option("--as <email>", asOption)
  .option("--json", "print the page as JSON")
  .action(async (opts: { discipline?: string; level: string; assignee: string; limit: string; cursor?: string; as?: string; json?: boolean }) => {
    checkLevel(opts.level, true);
    const { reviewQueueCommand } = await import("./review-command");
    process.exitCode = await reviewQueueCommand(opts);
  });

review
  .command("assign")
  .description("assign items of one level to a reviewer, or unassign them")
  .argument("<level>", "concept, relation or chain")
  .argument("<ids...>", "the items' ids")
  .option("--to <email>", "the reviewer (a person whose role may approve knowledge)")
  .option("--none", "unassign")
  .option("--as <email>", asOption)
  .option("--json", "print the result as JSON")
  .action(async (level: string, ids: string[], opts: { to?: string; none?: boolean; as?: string; json?: boolean }) => {
    checkLevel(level);
    if (!opts.to === !opts.none) program.error("say whom with --to <email>, or --none to unassign");
    const { reviewAssignCommand } = await import("./review-command");
    process.exitCode = await reviewAssignCommand(level, ids, opts);
  });

review
  .command("comment")
  .description("add a comment to a concept's, relation's or chain's thread")
  .argument("<level>", "concept, relation or chain")
  .argument("<id>", "the item's id")
  .argument("<text>", "the comment (at most 2,000 characters)")
  .option("--as <email>", asOption)
  .option("--json", "print the comment as JSON")
  .action(async (level: string, id: string, text: string, opts: { as?: string; json?: boolean }) => {
    checkLevel(level);
    const { reviewCommentCommand } = await import("./review-command");
    process.exitCode = await reviewCommentCommand(level, id, text, opts);
  });

addModelCommands(program);
addDebugCommands(program);
addLoopCommand(program);

// Piped into `head` and the like, the reader may go away first: that is not a failure.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // --help and --version "fail" with exit code 0; a usage error exits 2, anything else 1.
  if (e instanceof CommanderError && e.exitCode === 0) process.exitCode = 0;
  else {
    if (!(e instanceof CommanderError) || json) printError(errorOf(e), json);
    process.exitCode = e instanceof CommanderError ? 2 : 1;
  }
}
