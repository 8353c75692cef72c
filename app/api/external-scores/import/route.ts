import { defineRoute } from "@/lib/server/http/define-route";
import { bodyLines } from "@/lib/server/http/body";
import { db } from "@/lib/server/db";
import { importExternalScores } from "@/lib/server/services/dashboards/external-scores";

/**
 * Body: CSV text with the header `model,benchmark,score`. Every line is checked first; any bad
 * line → 400 listing the lines by number, and nothing is written.
 */
export const POST = defineRoute({
  auth: "external-scores:edit",
  handler: async ({ req, principal }) => importExternalScores(db(), principal, bodyLines(req, { limit: 1024 * 1024, maxLineChars: 4096, tooLarge: "The file is larger than 1 MB" })),
});
