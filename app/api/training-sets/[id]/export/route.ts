import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { exportResponse } from "@/lib/server/http/export-response";
import { TRAINING_FORMATS, trainingSetExport } from "@/lib/server/services/exports/training-set-export";

/** OpenAI chat JSONL, or a Hugging Face / LLaMA-Factory folder as a zip; streamed. */
export const GET = defineRoute({
  auth: "workspace:read",
  params: z.object({ id: z.string() }),
  query: z.object({ format: z.enum(TRAINING_FORMATS).default("openai") }),
  handler: async ({ params, query }) => exportResponse(await trainingSetExport(db(), params.id, query.format)),
});
