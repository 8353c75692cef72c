import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { exportResponse } from "@/lib/server/http/export-response";
import { BENCHMARK_FORMATS, benchmarkExport } from "@/lib/server/services/exports/benchmark-export";

/** JSONL, or the lm-evaluation-harness task folder as a zip; streamed. */
export const GET = defineRoute({
  auth: "workspace:read",
  params: z.object({ id: z.string() }),
  query: z.object({ format: z.enum(BENCHMARK_FORMATS).default("jsonl") }),
  handler: async ({ params, query }) => exportResponse(await benchmarkExport(db(), params.id, query.format)),
});
