import path from "node:path";
import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { SUPPORTED_EXTENSIONS } from "./import-sources";

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export type UploadFile = { name: string; bytes: Uint8Array };

/**
 * Stores uploaded files with a new import run and queues it, in one transaction. Files are
 * checked first (type and size); any bad one refuses the whole upload and writes nothing.
 */
export async function startUploadImport(db: Db, files: UploadFile[], discipline?: string) {
  if (files.length === 0) throw new DomainError("BAD_INPUT", "Choose at least one file to import", { fields: [{ field: "files", message: "required" }] });
  const unsupported = files.filter((f) => f.name !== "manifest.jsonl" && !SUPPORTED_EXTENSIONS.includes(path.extname(f.name).toLowerCase()));
  if (unsupported.length) {
    throw new DomainError(
      "UNSUPPORTED_FORMAT",
      `Unsupported file type: ${unsupported.map((f) => f.name).join(", ")} (supported: ${SUPPORTED_EXTENSIONS.join(", ")} and manifest.jsonl)`,
      { files: unsupported.map((f) => f.name) },
    );
  }
  const tooBig = files.filter((f) => f.bytes.byteLength > MAX_FILE_BYTES);
  if (tooBig.length) throw new DomainError("TOO_LARGE", `Files over 50 MB: ${tooBig.map((f) => f.name).join(", ")}`);
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) throw new DomainError("TOO_LARGE", "An upload is at most 200 MB; import large corpora with `npx proda import <folder>`");

  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  return enqueueJob(db, corpusImportJob, { source: { kind: "upload" }, discipline: discipline || undefined, label }, async (tx, runId) => {
    for (const f of files) await tx.uploadedFile.create({ data: { runId, name: f.name, bytes: Buffer.from(f.bytes) } });
  });
}
