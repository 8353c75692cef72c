import { createChatModel, ModelAnswerError } from "@/lib/adapters/llm/openai-compatible";
import { createLocalExtractor } from "@/lib/domain/knowledge/local";
import { createLlmExtractor } from "@/lib/domain/knowledge/llm-extractor";
import type { Extractor } from "@/lib/domain/knowledge/types";
import type { KnowledgeExtractPayload } from "@/lib/jobs/knowledge-extract";
import type { Db } from "@/lib/server/db";
import { extractKnowledge } from "@/lib/server/services/knowledge/extract-knowledge";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";
import type { JobHandler } from "@/workers/runtime/job-context";

async function buildExtractor(db: Db, payload: KnowledgeExtractPayload): Promise<Extractor> {
  if (payload.engine === "local") return createLocalExtractor();
  const endpoint = await resolveEndpoint(db, payload.endpoint);
  return createLlmExtractor(createChatModel(endpoint));
}

export const knowledgeExtractHandler: JobHandler<KnowledgeExtractPayload> = async (ctx, payload) => {
  await ctx.progress(0, "Selecting chunks");
  const extractor = await buildExtractor(ctx.db, payload);
  // A model answer that stays invalid after repairs costs one chunk; endpoint failures stop the run.
  return extractKnowledge(ctx, payload, extractor, (e) => e instanceof ModelAnswerError);
};
