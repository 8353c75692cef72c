import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { paragraph, tempFolder } from "@/test/fixtures";

const t = useTestDatabase();
const exec = promisify(execFile);

async function proda(...args: string[]) {
  try {
    const { stdout, stderr } = await exec("node", ["bin/proda.js", ...args], { env: { ...process.env, DATABASE_URL: t.url() } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

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

  it("exits 1 and reports the file and line of a bad manifest", async () => {
    const dir = tempFolder({ "manifest.jsonl": `{"path": "a.md", "discipline": "History"}\nnot json\n`, "a.md": `# A\n\n${paragraph("Empires")}` });
    const out = await proda("import", dir, "--json");
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).errors).toEqual([expect.objectContaining({ file: "manifest.jsonl", line: 2 })]);
  });
});
