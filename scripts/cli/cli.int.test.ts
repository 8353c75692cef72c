import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prodaAgainst } from "@/test/cli";
import { useTestDatabase } from "@/test/database";
import { paragraph, SHARED_CORPUS, tempFolder } from "@/test/fixtures";

const t = useTestDatabase();
const proda = prodaAgainst(() => t.url());

describe("proda CLI", () => {
  it("lists its commands", async () => {
    const { stdout, code } = await proda("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/import/);
  });

  it("imports a folder with --json, names the workspace, and counts a second run as unchanged", async () => {
    const dir = tempFolder({ "physics/motion.md": `# Motion\n\n${paragraph("Force")}`, "physics/energy.txt": paragraph("Energy") });
    const first = await proda("import", dir, "--json");
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/workspace DATABASE_URL/);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ documents: 2, disciplines: 1, unchanged: 0, errors: [] });
    expect(report.chunks).toBeGreaterThan(0);
    expect(report.dropped).toBeTypeOf("object");
    const second = JSON.parse((await proda("import", dir, "--json")).stdout);
    expect(second).toMatchObject({ documents: 0, unchanged: 2 });
    expect(await t.db().jobRun.count({ where: { type: "corpus-import" } })).toBe(2);
  });

  it("prints every failure as { error: { code, message } } on stdout with --json, with its exit code", async () => {
    const usage = await proda("extract", "--engine", "gpt", "--json");
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({ error: { code: "BAD_INPUT", message: "--engine must be local or llm, not gpt" } });
    const missing = await proda("build", "--json");
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining("--name") });
    const notFound = await proda("export", "benchmark", "v99", "--out", path.join(tempFolder({}), "b.jsonl"), "--json");
    expect(notFound.code).toBe(1);
    expect(JSON.parse(notFound.stdout).error).toMatchObject({ code: "NOT_FOUND", message: expect.any(String) });
    // Without --json the same failure is a line on stderr and nothing on stdout.
    const plain = await proda("extract", "--engine", "gpt");
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe("");
    expect(plain.stderr).toMatch(/--engine must be local or llm/);
  });

  it("exits 1 and reports the file and line of a bad manifest", async () => {
    const dir = tempFolder({ "manifest.jsonl": `{"path": "a.md", "discipline": "History"}\nnot json\n`, "a.md": `# A\n\n${paragraph("Empires")}` });
    const out = await proda("import", dir, "--json");
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).errors).toEqual([expect.objectContaining({ file: "manifest.jsonl", line: 2 })]);
  });
});

describe("proda benchmark, build, check and export on the shared corpus", () => {
  it("tests first, builds from L1/L2, passes the gates, and fails check when a benchmark stem is copied into training data", async () => {
    expect((await proda("import", SHARED_CORPUS, "--json")).code).toBe(0);
    expect((await proda("extract", "--json")).code).toBe(0);
    const benchmark = await proda("benchmark", "--json");
    expect(benchmark.code).toBe(0);
    const b = JSON.parse(benchmark.stdout);
    expect(Object.keys(b.byDiscipline).length).toBeGreaterThanOrEqual(4);
    expect(b.byOperator).toEqual({ INVREL: expect.any(Number), TRUNC: expect.any(Number), NEARMISS: expect.any(Number) });
    expect(Math.min(b.byOperator.INVREL, b.byOperator.TRUNC, b.byOperator.NEARMISS)).toBeGreaterThan(0);
    // The checks' rejections by reason, and the answer-bias baselines, are in the JSON.
    expect(b.rejected).toEqual(expect.any(Object));
    expect(b.answerBias).toMatchObject({ items: b.items, longestOption: expect.any(Number), stemOverlap: expect.any(Number), mostFrequentOption: expect.any(Number) });

    const build = await proda("build", "--name", "V1", "--json");
    expect(build.code).toBe(0);
    expect(JSON.parse(build.stdout).instances).toBeGreaterThan(0);
    const clean = await proda("check", "--json");
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ reachability: 1, orthogonality: { violations: 0 } });

    const out = path.join(tempFolder({}), "lm-eval");
    const exported = await proda("export", "benchmark", "latest", "--format", "lm-eval", "--out", out, "--json");
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(path.join(out, "test.jsonl"), "utf8").trim().split("\n")).toHaveLength(b.items);
    expect((await proda("export", "training-set", "V1", "--format", "parquet", "--out", out)).stderr).toMatch(/--format for a training set is one of openai, hf, llama-factory/);

    const item = await t.db().benchmarkItem.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const victim = await t.db().trainingInstance.findFirstOrThrow();
    await t.db().trainingInstance.update({ where: { id: victim.id }, data: { completion: `${victim.completion} ${item.stem}` } });
    const dirty = await proda("check", "--json");
    expect(dirty.code).toBe(1);
    const report = JSON.parse(dirty.stdout);
    expect(report.orthogonality.violations).toBeGreaterThan(0);
    expect(report.orthogonality.trainingSets[0].pairs).toContainEqual(expect.objectContaining({ instanceId: victim.id, itemId: item.id }));
  }, 180_000);
});
