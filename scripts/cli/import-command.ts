import { runFailed } from "./output";
import path from "node:path";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { runInline } from "@/workers/runtime/run-inline";
import type { ImportReport } from "@/lib/server/services/corpus/import-report";
import { withWorkspace } from "./workspace";

type Options = { json?: boolean; discipline?: string };

export async function importCommand(target: string, opts: Options): Promise<number> {
  return withWorkspace(async (db) => {
    const run = await runInline(db, corpusImportJob, corpusImportHandler, {
      source: { kind: "path", path: path.resolve(target) },
      discipline: opts.discipline,
      label: target,
    });
    const report = run.result as ImportReport | undefined;
    if (!report) {
      return runFailed("import", run, opts.json);
    }
    if (opts.json) {
      const { documents, updated, chunks, tokens, disciplines, unchanged, dropped, errors, skipped, byDiscipline } = report;
      console.log(JSON.stringify({ runId: run.runId, documents, updated, chunks, tokens, disciplines, unchanged, dropped, errors, skipped, byDiscipline }, null, 2));
    } else {
      printReport(report);
    }
    return report.errors.length > 0 ? 1 : 0;
  });
}

function printReport(r: ImportReport) {
  const drops = Object.entries(r.dropped).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
  console.log(`Imported ${r.documents} new and ${r.updated} changed documents (${r.chunks} chunks, ${r.tokens} tokens) in ${r.disciplines} disciplines.`);
  console.log(`Unchanged: ${r.unchanged}. Dropped chunks: ${drops}.`);
  for (const [slug, c] of Object.entries(r.byDiscipline)) {
    console.log(`  ${slug.padEnd(22)} ${String(c.documents).padStart(5)} documents ${String(c.chunks).padStart(7)} chunks ${String(c.unchanged).padStart(5)} unchanged`);
  }
  for (const s of r.skipped) console.log(`Skipped ${s.file}: ${s.reason}`);
  for (const e of r.errors) console.error(`Error ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
}
