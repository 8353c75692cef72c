import { createChatModel, ModelAnswerError } from "@/lib/adapters/llm/openai-compatible";
import { createLocalExtractor } from "@/lib/domain/knowledge/local";
import { createLlmExtractor } from "@/lib/domain/knowledge/llm-extractor";
import type { Extractor } from "@/lib/domain/knowledge/types";
import type { TokenUsage } from "@/lib/domain/ports";
import type { KnowledgeExtractPayload } from "@/lib/jobs/knowledge-extract";
import type { Db } from "@/lib/server/db";
import { extractKnowledge } from "@/lib/server/services/knowledge/extract-knowledge";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";
import type { JobHandler } from "@/workers/runtime/job-context";

async function buildExtractor(db: Db, payload: KnowledgeExtractPayload): Promise<{ extractor: Extractor; usage?: () => TokenUsage }> {
  if (payload.engine === "local") return { extractor: createLocalExtractor() };
  const model = createChatModel(await resolveEndpoint(db, payload.endpoint));
  return { extractor: createLlmExtractor(model), usage: () => model.usage() };
}

export const knowledgeExtractHandler: JobHandler<KnowledgeExtractPayload> = async (ctx, payload) => {
  await ctx.progress(0, "Selecting chunks");
  const { extractor, usage } = await buildExtractor(ctx.db, payload);
  // A model answer that stays invalid after repairs costs one chunk; endpoint failures stop the run.
  const report = await extractKnowledge(ctx, payload, extractor, (e) => e instanceof ModelAnswerError);
  if (!usage) return report;
  // Token accounting per job: what this run spent at the endpoint.
  const tokens = usage();
  await ctx.log(`Model usage: ${tokens.calls} calls, ${tokens.promptTokens} prompt and ${tokens.completionTokens} completion tokens`);
  return { ...report, tokens };
};
