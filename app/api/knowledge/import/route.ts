import { defineRoute } from "@/lib/server/http/define-route";
import { bodyLines } from "@/lib/server/http/body";
import { db } from "@/lib/server/db";
import { importStructure } from "@/lib/server/services/knowledge/structure-jsonl";

const MB = 1024 * 1024;
/**
 * Every valid line is kept until the whole file is checked (nothing is written if one is bad), so
 * memory grows with the file: 50 MB of JSONL is about 150,000 lines.
 */
const MAX_BYTES = 50 * MB;
const MAX_LINE_CHARS = MB;

/**
 * Body: the JSONL text, read line by line as it streams in; past 50 MB → 413 at once, chunked or
 * not. Every line is checked first; any bad line → 400 with line numbers, nothing written.
 */
export const POST = defineRoute({
  auth: "knowledge:edit",
  handler: async ({ req, principal }) =>
    importStructure(db(), principal, bodyLines(req, { limit: MAX_BYTES, maxLineChars: MAX_LINE_CHARS, tooLarge: "The file is larger than 50 MB" })),
});
