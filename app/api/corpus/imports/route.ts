import { DomainError } from "@/lib/domain/errors";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listImports } from "@/lib/server/queries/corpus";
import { startUploadImport } from "@/lib/server/services/corpus/start-upload-import";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => ({ items: await listImports(db()) }) });

/** multipart/form-data: `files` (one or more, a manifest.jsonl among them is used) and `discipline`. */
export const POST = defineRoute({
  auth: "corpus:import",
  status: 202,
  handler: async ({ req }) => {
    const form = await req.formData().catch(() => {
      throw new DomainError("BAD_INPUT", "Send the files as multipart/form-data in the field `files`");
    });
    const files = await Promise.all(
      form.getAll("files").filter((f): f is File => typeof f !== "string").map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const discipline = form.get("discipline");
    return startUploadImport(db(), files, typeof discipline === "string" ? discipline : undefined);
  },
});
