import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import type { Prisma } from "@/lib/server/db";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { paragraph, tempFolder } from "@/test/fixtures";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { executeRun } from "@/workers/runtime/execute-run";
import { runInline } from "@/workers/runtime/run-inline";
import { emptyReport, type ImportReport } from "./import-report";

const t = useTestDatabase();
beforeAll(() => ensureDefaultDisciplines(t.db()));

const importPath = async (p: string) => {
  const run = await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: p }, discipline: "physics" });
  return { ...run, report: run.result as ImportReport };
};

describe("the import report", () => {
  it("lists the first 100 errors and counts the rest; the good file is imported", async () => {
    const files: Record<string, string> = { "good.md": `# Waves\n\n${paragraph("Waves")}` };
    for (let i = 0; i < 110; i++) files[`broken-${String(i).padStart(3, "0")}.pdf`] = "%PDF-1.7\n1 0 obj << /Type /Catalog";
    const { report, outcome } = await importPath(tempFolder(files));
    expect(outcome).toBe("succeeded");
    expect(report.documents).toBe(1);
    expect(report.errors).toHaveLength(100);
    expect(report.errors[0]).toMatchObject({ file: "broken-000.pdf", message: expect.stringMatching(/PDF/) });
    expect(report.errorsNotListed).toBe(10);
  });

  it("refuses a file over 50 MB in a folder by its size, before reading it", async () => {
    const dir = tempFolder({ "small.md": `# Heat\n\n${paragraph("Heat")}` });
    fs.writeFileSync(path.join(dir, "huge.txt"), "");
    fs.truncateSync(path.join(dir, "huge.txt"), 60 * 1024 * 1024); // sparse: no 60 MB on disk or in memory
    const { report } = await importPath(dir);
    expect(report.documents).toBe(1);
    expect(report.errors).toEqual([expect.objectContaining({ file: "huge.txt", message: expect.stringMatching(/60 MB.*at most 50 MB/) })]);
  });
});

describe("a file that stopped the worker twice", () => {
  it("is reported instead of read a third time, and the files after it are imported", async () => {
    const dir = tempFolder(Object.fromEntries(["a", "b", "c"].map((n) => [`optics-${n}.md`, `# Lens ${n}\n\n${paragraph(`Lens ${n}`)}`])));
    // What two attempts that died (out of memory, killed) while reading the second file leave behind.
    const checkpoint = { ...emptyReport(), total: 3, processed: 1, reading: { index: 1, attempts: 2 } };
    const payload = { source: { kind: "path" as const, path: dir }, discipline: "physics" };
    const run = await t.db().jobRun.create({ data: { type: corpusImportJob.name, payload, checkpoint: checkpoint as unknown as Prisma.InputJsonValue } });
    const out = await executeRun(t.db(), corpusImportHandler, run.id, payload, { retryCount: 2, retryLimit: 3 });
    expect(out.outcome).toBe("succeeded");
    const report = out.result as ImportReport;
    expect(report.errors).toEqual([expect.objectContaining({ file: "optics-b.md", message: expect.stringMatching(/stopped 2 times/) })]);
    expect(report.reading).toBeUndefined();
    expect(await t.db().document.count({ where: { sourcePath: "optics-c.md" } })).toBe(1);
    expect(await t.db().document.count({ where: { sourcePath: "optics-b.md" } })).toBe(0);
  });
});
