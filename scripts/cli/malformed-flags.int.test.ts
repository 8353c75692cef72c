// Malformed input at every CLI entry point: each `proda` command (scripts/cli) is run as a user would
// (`node bin/proda.js … --json`) with a bad flag, a missing argument or a bad file. Each must exit
// non-zero with { error: { code, message } } on stdout naming what was wrong (the flag, the value,
// the line), and change nothing: the row counts of the main tables are the same before and after.
// (cli.int.test.ts checks the exit codes of usage errors and missing names for extract and train.)
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { prodaAgainst } from "@/test/cli";
import { useTestDatabase } from "@/test/database";
import { tempFolder } from "@/test/fixtures";

const t = useTestDatabase();
const proda = prodaAgainst(t.url);
let badManifest = "";

// JobRun is compared apart: a command that runs a job records the attempt, FAILED with the reason.
const TABLES = ["Document", "Chunk", "Concept", "Relation", "Chain", "Benchmark", "BenchmarkItem", "TrainingSet", "TrainingInstance", "OrthogonalityCheck", "ModelVersion", "FineTune", "EvaluationRun", "DebugRun", "Patch", "Endpoint", "ReviewAssignment", "ReviewComment", "LoopRun"];
const rowCounts = async () => {
  const [row] = await t.db().$queryRawUnsafe<Record<string, bigint>[]>(`SELECT ${TABLES.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(", ")}`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
};

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  // A manifest whose second line is not JSON, and a file it names that does not exist.
  badManifest = tempFolder({ "manifest.jsonl": '{"path": "missing.txt", "discipline": "biology"}\n{"path": "a.txt", "discipline": \n', "a.txt": "Cells are the units of life.\n" });
});

afterAll(() => fs.rmSync(badManifest, { recursive: true, force: true }));

// [command line, the reason the error must give]
const CASES: [string[], RegExp][] = [
  [["extract", "--engine", "gpt"], /--engine must be local or llm/],
  [["extract", "--discipline", "alchemy"], /alchemy/],
  [["benchmark", "--seed", "abc"], /--seed must be a whole number/],
  [["benchmark", "--discipline", "alchemy"], /alchemy/],
  [["build", "--name", "v1", "--budget", "lots"], /--budget/],
  [["build"], /--name/],
  [["check", "--discipline", "alchemy"], /alchemy/],
  [["check", "--bogus"], /unknown option '--bogus'/],
  [["export", "benchmark", "latest", "--format", "pdf", "--out", "/tmp/proda-never-written"], /pdf|--format/],
  [["export", "catalogue", "latest", "--out", "/tmp/proda-never-written"], /catalogue|benchmark or training-set/],
  [["export", "benchmark", "latest"], /--out/],
  [["review", "queue", "--level", "paragraph"], /paragraph|--level/],
  [["review", "queue", "--limit", "0"], /--limit|limit/],
  [["approve", "no-such-set"], /no-such-set/],
  [["train", "--name", "V1", "--training-set", "no-such-set"], /no-such-set/],
  [["train", "--name", "V1", "--trainer", "cloud"], /cloud|--trainer/],
  [["train", "--name", "V1", "--epochs", "many"], /--epochs|epochs/],
  [["eval"], /--model/],
  [["eval", "--model", "nobody"], /nobody/],
  [["debug", "--model", "nobody"], /nobody/],
  [["patch", "list", "--status", "MAYBE"], /MAYBE|--status/],
  [["patch", "approve"], /--all|ids/],
  [["patch", "apply", "--debug-run", "no-such-run"], /no-such-run/],
  [["loop", "--trainer", "cloud"], /cloud|--trainer/],
  [["loop", "--budget", "-3"], /--budget/],
  [["report", "--benchmark", "v999"], /v999/],
  [["models", "register", "--name", "m", "--endpoint", "nowhere"], /nowhere/],
  [["models", "register", "--name", "m", "--endpoint", "env", "--stage", "GOLD"], /GOLD|--stage/],
  [["frobnicate"], /unknown command 'frobnicate'/],
];

describe("malformed input at every CLI entry point", () => {
  for (const [args, reason] of CASES) {
    it(`proda ${args.join(" ")}: a non-zero exit with the reason, nothing changed`, async () => {
      const before = await rowCounts();
      const runsBefore = await t.db().jobRun.count();
      const run = await proda(...args, "--json");
      expect(run.code, `${run.stdout}\n${run.stderr}`).not.toBe(0);
      const out = JSON.parse(run.stdout) as { error: { code: string; message: string } };
      expect(out.error, run.stdout).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(out.error.message).toMatch(reason);
      expect(await rowCounts()).toEqual(before);
      // Refused before any run is recorded: no FAILED run on the Jobs page for a typo.
      expect(await t.db().jobRun.count()).toBe(runsBefore);
    }, 60_000);
  }

  it("proda import of a path that does not exist: exit 1, the reason in the report's errors, nothing written", async () => {
    const before = await rowCounts();
    const run = await proda("import", "/no/such/folder", "--json");
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { documents: number; errors: { file?: string; message: string }[] };
    expect(report.documents).toBe(0);
    expect(report.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/No such file or folder/) })]);
    expect(await rowCounts()).toEqual(before);
  }, 60_000);

  it("proda import of a folder whose manifest has a bad line: exit 1, the file and line named, nothing written", async () => {
    const before = await rowCounts();
    const run = await proda("import", badManifest, "--json");
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { documents: number; errors: { file: string; line?: number; message: string }[] };
    expect(report.documents).toBe(0);
    expect(report.errors).toEqual(expect.arrayContaining([expect.objectContaining({ file: expect.stringMatching(/manifest\.jsonl$/), line: 2 })]));
    expect(await rowCounts()).toMatchObject({ Document: before.Document, Chunk: before.Chunk });
  }, 60_000);
});
