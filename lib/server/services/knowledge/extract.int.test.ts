import { beforeAll, describe, expect, it } from "vitest";
import { createLocalExtractor } from "@/lib/domain/knowledge/local";
import type { Extractor } from "@/lib/domain/knowledge/types";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { startOpenAiServer } from "@/test/openai-server";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { executeRun } from "@/workers/runtime/execute-run";
import { runInline } from "@/workers/runtime/run-inline";
import { checkStructure } from "./check-structure";
import { extractKnowledge, type ExtractReport } from "./extract-knowledge";
import { CONFIDENCE_THRESHOLD } from "@/lib/domain/knowledge/local/confidence";
import { HEAD_LINKER } from "./add-head-relations";
import { CHAIN_LINKER } from "./link-discipline-chains";

const t = useTestDatabase();
const extract = async (payload: Parameters<typeof knowledgeExtractHandler>[1]) => {
  const run = await runInline(t.db(), knowledgeExtractJob, knowledgeExtractHandler, payload);
  expect(run.error).toBeNull();
  return run.result as ExtractReport;
};

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const run = await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SHARED_CORPUS } });
  expect(run.outcome).toBe("succeeded");
}, 120_000);

describe("local extraction of ../shared/corpus", () => {
  let first: ExtractReport;

  it("crashes half-way, then resumes where it stopped without duplicating anything", async () => {
    const local = createLocalExtractor();
    let calls = 0;
    // The worker dies (not a chunk problem) after 40 chunks of biology.
    const dying: Extractor = { info: local.info, extract: (c, v) => (++calls > 40 ? Promise.reject(new Error("worker killed")) : local.extract(c, v)) };
    const runRow = await t.db().jobRun.create({ data: { type: knowledgeExtractJob.name } });
    const payload = knowledgeExtractJob.payload.parse({ discipline: "biology" });
    const handler = (ctx: Parameters<typeof knowledgeExtractHandler>[0]) => extractKnowledge(ctx, payload, dying, () => false);
    await expect(executeRun(t.db(), handler, runRow.id, payload, { retryCount: 0, retryLimit: 1 })).rejects.toThrow("worker killed");
    expect(await t.db().chunkExtraction.count()).toBe(40);
    const resumed = await extract({ discipline: "biology", engine: "local" });
    expect(resumed.chunks.skipped).toBe(40);
    expect(resumed.chunks.extracted).toBe(resumed.chunks.selected - 40);
  }, 120_000);

  it("writes sure relations and defined concepts in all 16 disciplines, and chains that reason, every evidence a sentence of its chunk", async () => {
    first = await extract({ engine: "local" });
    expect(first.chunks.failed).toBe(0);
    expect(Object.keys(first.byDiscipline)).toHaveLength(16);
    for (const [slug, c] of Object.entries(first.byDiscipline)) {
      expect(c.concepts, slug).toBeGreaterThan(0);
      expect(c.relations, slug).toBeGreaterThan(0);
    }
    // Precision first: the local engine links chains only where it is sure (bench/knowledge-precision.md).
    expect(Object.values(first.byDiscipline).filter((c) => c.chains > 0).length).toBeGreaterThanOrEqual(5);
    const chains = await t.db().chain.findMany({ include: { steps: { orderBy: { position: "asc" }, include: { relation: { select: { evidence: true, chunkId: true, chunk: { select: { documentId: true } } } } } } } });
    for (const c of chains) expect(new Set(c.steps.map((s) => s.relation.evidence)).size, c.summary ?? c.id).toBeGreaterThan(1);
    const spanning = chains.find((c) => c.extractor === CHAIN_LINKER && new Set(c.steps.map((s) => s.relation.chunkId)).size > 1);
    expect(spanning).toBeDefined();
    const relations = await t.db().relation.findMany({ select: { evidence: true, extractor: true, confidence: true, chunk: { select: { text: true } } } });
    const ungrounded = relations.filter((r) => !r.chunk || !r.chunk.text.replace(/\s+/g, " ").includes(r.evidence.replace(/\s+/g, " ")));
    expect(ungrounded).toEqual([]);
    // Every relation the engine read from a sentence carries its confidence, at or above the threshold.
    const read = relations.filter((r) => r.extractor === "local");
    expect(read.length).toBeGreaterThan(0);
    for (const r of read) expect(r.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
    expect(relations.some((r) => r.extractor === HEAD_LINKER)).toBe(true);
    // Names in the case the discipline's text writes them: "Sanctions are…" and a title-case
    // glossary ("Simple Random Sampling") give common nouns, "Bronze Age" keeps its capitals.
    const named = async (canonicalName: string) => (await t.db().concept.findFirstOrThrow({ where: { canonicalName } })).name;
    expect(await named("sanction")).toBe("sanctions");
    expect(await named("simple random sampling")).toBe("simple random sampling");
    expect(await named("bronze age")).toBe("Bronze Age");
    // Glossary lines define their terms.
    const defined = await t.db().concept.count({ where: { definition: { not: null } } });
    expect(defined).toBeGreaterThan(first.concepts / 2);
  }, 300_000);

  it("passes the reachability check, and a rerun does nothing new", async () => {
    expect(await checkStructure(t.db())).toMatchObject({ reachability: 1, ok: true });
    const again = await extract({ engine: "local" });
    expect(again.created).toEqual({ concepts: 0, relations: 0, chains: 0 });
    expect(again.chunks.extracted).toBe(0);
    expect(again.chunks.skipped).toBe(again.chunks.selected);
    expect({ concepts: again.concepts, relations: again.relations, chains: again.chains }).toEqual({ concepts: first.concepts, relations: first.relations, chains: first.chains });
  }, 120_000);

  it("re-extraction replaces only untouched drafts: approved and edited items stay", async () => {
    const chain = await t.db().chain.findFirstOrThrow({ where: { discipline: { slug: "biology" } }, include: { steps: true } });
    await t.db().chain.update({ where: { id: chain.id }, data: { status: "APPROVED" } });
    const concept = await t.db().concept.findFirstOrThrow({ where: { discipline: { slug: "biology" }, chunkId: { not: chain.chunkId } } });
    await t.db().concept.update({ where: { id: concept.id }, data: { definition: "Edited by an expert.", editedAt: new Date() } });
    const forced = await extract({ discipline: "biology", engine: "local", force: true });
    expect(forced.chunks.extracted).toBe(forced.chunks.selected);
    expect(await t.db().chain.findUnique({ where: { id: chain.id } })).toMatchObject({ status: "APPROVED" });
    expect(await t.db().concept.findUnique({ where: { id: concept.id } })).toMatchObject({ definition: "Edited by an expert." });
    expect(await checkStructure(t.db())).toMatchObject({ reachability: 1 });
    // Untouched drafts came back as they were: the totals did not move.
    expect(forced.chains).toBe(first.byDiscipline.biology.chains);
  }, 120_000);

  it("verifies every triple against its evidence with an LLM endpoint: what the model does not find stated is not written", async () => {
    // The scripted checker refuses every "is a kind of" claim and accepts the rest.
    const server = await startOpenAiServer((body) => {
      const user = body.messages[body.messages.length - 1].content;
      const supported = !user.includes(" is a kind of ");
      return { content: JSON.stringify({ supported, reason: supported ? "stated" : "the sentence does not say it" }) };
    });
    process.env.PRODA_LLM_BASE_URL = server.baseURL;
    process.env.PRODA_LLM_MODEL = "checker";
    try {
      const report = (await extract({ discipline: "sociology", engine: "local", verify: true })) as ExtractReport & { verification: { refused: number; examples: { reason: string }[] } };
      expect(report.extractor).toBe("local:local-v3+verified:checker:verify-triple-v1");
      expect(report.verification.refused).toBeGreaterThan(0);
      expect(report.verification.examples[0].reason).toBe("the sentence does not say it");
      const sociology = { discipline: { slug: "sociology" }, extractor: "local" };
      expect(await t.db().relation.count({ where: { ...sociology, predicate: "is_a" } })).toBe(0);
      expect(server.requests.length).toBeGreaterThan(0);
    } finally {
      delete process.env.PRODA_LLM_BASE_URL;
      delete process.env.PRODA_LLM_MODEL;
      await server.close();
    }
  }, 120_000);

  it("extracts with an LLM endpoint from the environment: a chunk the model keeps answering badly fails alone, tokens are counted", async () => {
    const server = await startOpenAiServer((body, n) =>
      n <= 3 ? { content: "not json at all" } : { content: body.response_format?.json_schema?.name === "reasoning_chains" ? '{"chains":[]}' : '{"triples":[]}' },
    );
    process.env.PRODA_LLM_BASE_URL = server.baseURL;
    process.env.PRODA_LLM_MODEL = "scripted-model";
    try {
      const report = (await extract({ discipline: "astronomy", engine: "llm" })) as ExtractReport & { tokens: { calls: number; promptTokens: number } };
      expect(report.extractor).toBe("llm:1:scripted-model:llm-v1");
      expect(report.chunks.failed).toBe(1);
      expect(report.errors[0].message).toMatch(/invalid JSON after 2 repairs/);
      expect(report.chunks.extracted).toBe(report.chunks.selected - 1);
      expect(report.tokens.calls).toBe(server.requests.length);
      expect(report.tokens.promptTokens).toBe(10 * server.requests.length);
      // The failed chunk was not marked: a retry asks for it again.
      const again = await extract({ discipline: "astronomy", engine: "llm" });
      expect(again.chunks.extracted).toBe(1);
    } finally {
      delete process.env.PRODA_LLM_BASE_URL;
      delete process.env.PRODA_LLM_MODEL;
      await server.close();
    }
  }, 120_000);
});
