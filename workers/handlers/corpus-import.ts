import type { CorpusImportPayload } from "@/lib/jobs/corpus-import";
import type { JobHandler } from "@/workers/runtime/job-context";
import { collectFromPath, collectFromUploads } from "@/lib/server/services/corpus/import-sources";
import { importCorpus } from "@/lib/server/services/corpus/import-corpus";

export const corpusImportHandler: JobHandler<CorpusImportPayload> = async (ctx, payload) => {
  await ctx.progress(0, "Reading sources");
  const collected =
    payload.source.kind === "path"
      ? await collectFromPath(payload.source.path, payload.discipline)
      : await collectFromUploads(ctx.db, ctx.runId, payload.discipline);
  const report = await importCorpus(ctx, collected);
  // Uploaded bytes are not needed once their documents are stored.
  if (payload.source.kind === "upload") await ctx.db.uploadedFile.deleteMany({ where: { runId: ctx.runId } });
  return report;
};
