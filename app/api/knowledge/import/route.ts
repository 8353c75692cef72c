import { DomainError } from "@/lib/domain/errors";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { importStructure } from "@/lib/server/services/knowledge/structure-jsonl";

const MAX_BYTES = 200 * 1024 * 1024;

/** Body: the JSONL text. Every line is checked first; any bad line → 400 with line numbers, nothing written. */
export const POST = defineRoute({
  auth: "knowledge:edit",
  handler: async ({ req, principal }) => {
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) throw new DomainError("TOO_LARGE", "The file is larger than 200 MB");
    return importStructure(db(), principal, await req.text());
  },
});
