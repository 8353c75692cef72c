import { ModelAnswerError } from "@/lib/adapters/llm/openai-compatible";
import { createLocalExtractor } from "@/lib/domain/knowledge/local";
import { createLlmExtractor } from "@/lib/domain/knowledge/llm-extractor";
import { withTripleVerification, type RefusedTriple } from "@/lib/domain/knowledge/verify-triples";
import type { Extractor } from "@/lib/domain/knowledge/types";
import type { TokenUsage } from "@/lib/domain/ports";
import type { KnowledgeExtractPayload } from "@/lib/jobs/knowledge-extract";
import { extractKnowledge } from "@/lib/server/services/knowledge/extract-knowledge";
import { jobModel } from "@/lib/server/services/model-for";
import type { JobContext, JobHandler } from "@/workers/runtime/job-context";

async function buildExtractor(ctx: JobContext, payload: KnowledgeExtractPayload, refused: RefusedTriple[]): Promise<{ extractor: Extractor; usage?: () => TokenUsage }> {
  if (payload.engine === "local" && !payload.verify) return { extractor: createLocalExtractor() };
  const model = await jobModel(ctx, payload.endpoint);
  const inner = payload.engine === "local" ? createLocalExtractor() : createLlmExtractor(model);
  const extractor = payload.verify ? withTripleVerification(inner, model, (r) => refused.push(r)) : inner;
  return { extractor, usage: () => model.usage() };
}

export const knowledgeExtractHandler: JobHandler<KnowledgeExtractPayload> = async (ctx, payload) => {
  await ctx.progress(0, "Selecting chunks");
  const refused: RefusedTriple[] = [];
  const { extractor, usage } = await buildExtractor(ctx, payload, refused);
  // A model answer that stays invalid after repairs costs one chunk; endpoint failures stop the run.
  const extracted = await extractKnowledge(ctx, payload, extractor, (e) => e instanceof ModelAnswerError);
  const report = payload.verify ? { ...extracted, verification: { refused: refused.length, examples: refused.slice(0, 20) } } : extracted;
  if (payload.verify) await ctx.log(`Verification refused ${refused.length} triples their evidence does not state`);
  if (!usage) return report;
  // Token accounting per job: what this run spent at the endpoint.
  const tokens = usage();
  await ctx.log(`Model usage: ${tokens.calls} calls, ${tokens.promptTokens} prompt and ${tokens.completionTokens} completion tokens`);
  return { ...report, tokens };
};
