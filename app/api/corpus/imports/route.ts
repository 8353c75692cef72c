import { defineRoute } from "@/lib/server/http/define-route";
import { receiveMultipart } from "@/lib/server/http/multipart";
import { assertNoNul } from "@/lib/server/http/nul-bytes";
import { db } from "@/lib/server/db";
import { createdBy } from "@/lib/jobs/created-by";
import { listImports } from "@/lib/server/queries/corpus";
import { UPLOAD_LIMITS, startUploadImport } from "@/lib/server/services/corpus/start-upload-import";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => ({ items: await listImports(db()) }) });

/**
 * multipart/form-data: `files` (one or more, a manifest.jsonl among them is used) and `discipline`.
 * Read as a stream within the upload limits (413 as soon as one is passed), files spooled to disk.
 */
export const POST = defineRoute({
  auth: "corpus:import",
  status: 202,
  handler: async ({ req, principal }) => {
    const upload = await receiveMultipart(req, UPLOAD_LIMITS);
    try {
      assertNoNul(upload.fields, "form");
      return await startUploadImport(db(), upload.files, createdBy(principal), upload.fields.discipline);
    } finally {
      await upload.dispose();
    }
  },
});
