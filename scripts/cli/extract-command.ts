import { runFailed } from "./output";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import type { ExtractReport } from "@/lib/server/services/knowledge/extract-knowledge";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { runInline } from "@/workers/runtime/run-inline";
import { withWorkspace } from "./workspace";

type Options = { discipline?: string; engine?: "local" | "llm"; endpoint?: string; verify?: boolean; force?: boolean; json?: boolean };

export async function extractCommand(opts: Options): Promise<number> {
  return withWorkspace(async (db) => {
    const run = await runInline(db, knowledgeExtractJob, knowledgeExtractHandler, {
      discipline: opts.discipline,
      engine: opts.engine ?? "local",
      endpoint: opts.endpoint,
      verify: opts.verify,
      force: opts.force,
      label: `proda extract${opts.discipline ? ` --discipline ${opts.discipline}` : ""}`,
    });
    const report = run.result as ExtractReport | undefined;
    if (!report) {
      return runFailed("extract", run, opts.json);
    }
    if (opts.json) console.log(JSON.stringify({ runId: run.runId, ...report }, null, 2));
    else {
      const { chunks, created } = report;
      console.log(`Extracted ${chunks.extracted} chunks with ${report.extractor} (${chunks.skipped} already done, ${chunks.failed} failed).`);
      console.log(`Created ${created.concepts} concepts, ${created.relations} relations, ${created.chains} chains.`);
      console.log(`The structure holds ${report.concepts} concepts, ${report.relations} relations, ${report.chains} chains:`);
      for (const [slug, c] of Object.entries(report.byDiscipline)) {
        console.log(`  ${slug.padEnd(22)} ${String(c.concepts).padStart(6)} concepts ${String(c.relations).padStart(6)} relations ${String(c.chains).padStart(6)} chains`);
      }
    }
    return report.chunks.failed > 0 ? 1 : 0;
  });
}
