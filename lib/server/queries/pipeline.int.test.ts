import { describe, expect, it } from "vitest";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { runInline } from "@/workers/runtime/run-inline";
import { pipelineStatusOf } from "./pipeline";

const t = useTestDatabase();

describe("the pipeline status behind the home page's checklist", () => {
  it("counts each step from the workspace itself", async () => {
    await ensureDefaultDisciplines(t.db());
    expect(await pipelineStatusOf(t.db())).toEqual({
      documents: 0, chunks: 0, extractedChunks: 0, concepts: 0, relations: 0, chains: 0, reviewed: 0, frozenBenchmarks: 0, frozenItems: 0, trainingSets: 0, approvedTrainingSets: 0, trainedModels: 0, finishedEvaluations: 0, tracedFailures: 0, approvedPatches: 0, comparedVersions: 0,
    });
    await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SHARED_CORPUS } });
    await runInline(t.db(), knowledgeExtractJob, knowledgeExtractHandler, { engine: "local", discipline: "biology" });
    const concept = await t.db().concept.findFirstOrThrow();
    await t.db().concept.update({ where: { id: concept.id }, data: { status: "APPROVED" } });
    const s = await pipelineStatusOf(t.db());
    expect(s.documents).toBe(await t.db().document.count());
    expect(s.chunks).toBe(await t.db().chunk.count());
    expect(s.extractedChunks).toBeGreaterThan(0);
    expect(s.concepts).toBe(await t.db().concept.count());
    expect(s.relations).toBe(await t.db().relation.count());
    expect(s.reviewed).toBe(1);
    expect(s.frozenBenchmarks).toBe(0);
  });
});
