import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS, paragraph, tempFolder } from "@/test/fixtures";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { runInline } from "@/workers/runtime/run-inline";
import { executeRun } from "@/workers/runtime/execute-run";
import type { JobHandler } from "@/workers/runtime/job-context";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { collectFromPath } from "./import-sources";
import { importCorpus } from "./import-corpus";
import type { ImportReport } from "./import-report";

const t = useTestDatabase();
beforeAll(() => ensureDefaultDisciplines(t.db()));

const importPath = async (p: string, discipline?: string) => {
  const run = await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: p }, discipline });
  return { ...run, report: run.result as ImportReport };
};
const manifestLines = fs.readFileSync(path.join(SHARED_CORPUS, "manifest.jsonl"), "utf8").trim().split("\n");

describe("importing ../shared/corpus", () => {
  it("imports every document of all 16 disciplines with chunks, and a second import adds nothing", async () => {
    const first = await importPath(SHARED_CORPUS);
    expect(first.outcome).toBe("succeeded");
    expect(first.report.errors).toEqual([]);
    expect(first.report.documents).toBe(manifestLines.length);
    expect(first.report.disciplines).toBe(16);
    expect(Object.values(first.report.byDiscipline).every((d) => d.documents > 0 && d.chunks > 0)).toBe(true);
    const [docs, chunks] = await Promise.all([t.db().document.count(), t.db().chunk.count()]);
    expect(docs).toBe(manifestLines.length);
    expect(chunks).toBe(first.report.chunks);
    expect(chunks).toBeGreaterThan(docs * 5);

    // Manifest metadata lands on the document.
    const entry = JSON.parse(manifestLines[0]);
    const doc = await t.db().document.findFirstOrThrow({ where: { sourcePath: entry.path }, include: { discipline: true } });
    expect(doc).toMatchObject({ title: entry.title, license: entry.license, source: entry.book_url });
    expect(doc.discipline.name).toBe(entry.discipline);

    const second = await importPath(SHARED_CORPUS);
    expect(second.report).toMatchObject({ documents: 0, updated: 0, chunks: 0, unchanged: manifestLines.length });
    expect(await t.db().chunk.count()).toBe(chunks);
    expect(await t.db().discipline.count()).toBe(16);
  });
});

describe("bad input", () => {
  it("reports a corrupt PDF and a bad manifest line by file and line, writes nothing for them and imports the rest", async () => {
    const dir = tempFolder({
      "manifest.jsonl": [
        JSON.stringify({ path: "good.md", discipline: "Biology", title: "Good" }),
        `{"path": "broken-json.md", "discipline": "Biology",`,
        JSON.stringify({ path: "broken.pdf", discipline: "Physics" }),
        JSON.stringify({ path: "no-discipline.md" }),
      ].join("\n"),
      "good.md": `# Good\n\n${paragraph("Plants")}\n\n${paragraph("Algae")}`,
      "broken-json.md": `# Never imported\n\n${paragraph("Fungi")}`,
      "broken.pdf": "%PDF-1.7\n1 0 obj << /Type /Catalog",
      "no-discipline.md": `# Nor this\n\n${paragraph("Moss")}`,
    });
    const { report, outcome } = await importPath(dir);
    expect(outcome).toBe("succeeded");
    expect(report.documents).toBe(1);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "manifest.jsonl", line: 2 }),
        expect.objectContaining({ file: "manifest.jsonl", line: 4, message: expect.stringMatching(/discipline/) }),
        expect.objectContaining({ file: "broken.pdf", message: expect.stringMatching(/PDF/) }),
      ]),
    );
    expect(await t.db().document.findMany({ where: { sourcePath: { in: ["broken.pdf", "broken-json.md", "no-discipline.md"] } } })).toEqual([]);
  });
});

describe("re-import and duplicates", () => {
  it("replaces the chunks of a document whose content changed, keeping one document", async () => {
    const dir = tempFolder({ "chemistry/bonds.md": `# Bonds\n\n${paragraph("Ionic bonds")}` });
    const first = await importPath(dir);
    expect(first.report.documents).toBe(1);
    fs.writeFileSync(path.join(dir, "chemistry/bonds.md"), `# Bonds\n\n${paragraph("Covalent bonds")}\n\n## More\n\n${paragraph("Metallic bonds")}`);
    const second = await importPath(dir);
    expect(second.report).toMatchObject({ documents: 0, updated: 1 });
    const docs = await t.db().document.findMany({ where: { sourcePath: "chemistry/bonds.md" }, include: { chunks: true } });
    expect(docs).toHaveLength(1);
    expect(docs[0].chunks.map((c) => c.text).join(" ")).toContain("Covalent");
    expect(docs[0].chunks.map((c) => c.text).join(" ")).not.toContain("Ionic");
  });

  it("drops chunks already stored by another document as duplicates", async () => {
    const text = `# Copy\n\n${paragraph("Mitochondria")}`;
    const dir = tempFolder({ "biology/one.md": text, "biology/two.md": text.replace("# Copy", "# Another copy") });
    const { report } = await importPath(dir);
    expect(report.documents).toBe(1);
    expect(report.dropped.duplicate).toBeGreaterThan(0);
    expect(report.skipped).toEqual([expect.objectContaining({ file: "biology/two.md" })]);
  });
});

describe("a crash in the middle", () => {
  it("resumes after the last imported file and duplicates nothing", async () => {
    const dir = tempFolder(Object.fromEntries(
      ["a", "b", "c", "d", "e"].map((n) => [`economics/resume-${n}.md`, `# ${n}\n\n${paragraph(`Market ${n}`)}`]),
    ));
    let crashed = false;
    // The third file's read fails once, as a lost connection would.
    const handler: JobHandler<object> = async (ctx) => {
      const collected = await collectFromPath(dir);
      const third = collected.items[2];
      const read = third.read;
      third.read = async () => {
        if (!crashed) {
          crashed = true;
          throw new Error("connection lost");
        }
        return read();
      };
      return importCorpus(ctx, collected);
    };
    const run = await t.db().jobRun.create({ data: { type: corpusImportJob.name } });
    await expect(executeRun(t.db(), handler, run.id, {}, { retryCount: 0, retryLimit: 1 })).rejects.toThrow("connection lost");
    const between = await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(between.status).toBe("QUEUED");
    expect((between.checkpoint as unknown as ImportReport).processed).toBe(2);

    const out = await executeRun(t.db(), handler, run.id, {}, { retryCount: 1, retryLimit: 1 });
    expect(out.outcome).toBe("succeeded");
    expect(out.result).toMatchObject({ documents: 5, unchanged: 0, processed: 5 });
    expect(await t.db().document.count({ where: { sourcePath: { startsWith: "economics/resume-" } } })).toBe(5);
  });
});
