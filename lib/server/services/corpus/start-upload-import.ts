import path from "node:path";
import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { MAX_FILE_BYTES, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, formatMb } from "@/lib/domain/corpus";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import type { CreatedBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { MultipartLimits, SpooledFile } from "@/lib/server/http/multipart";
import { assertNoNul } from "@/lib/server/http/nul-bytes";
import { SUPPORTED_EXTENSIONS } from "./import-sources";
import { storeUploadedFile } from "./upload-store";

const isAccepted = (name: string) => name === "manifest.jsonl" || SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase());
const unsupported = (names: string[]) =>
  new DomainError(
    "UNSUPPORTED_FORMAT",
    `Unsupported file type: ${names.join(", ")} (supported: ${SUPPORTED_EXTENSIONS.join(", ")} and manifest.jsonl)`,
    { files: names },
  );
const uploadTooLarge = `An upload is at most ${formatMb(MAX_UPLOAD_BYTES)}; import large corpora with \`npx proda import <folder>\``;

/** A file's name is checked as its part begins, so a wrong type is refused before its bytes are read. */
function checkUploadName(name: string) {
  assertNoNul(name, "files");
  if (!isAccepted(name)) throw unsupported([name]);
}

/** How the upload route reads its multipart body. */
export const UPLOAD_LIMITS: MultipartLimits = {
  fileField: "files",
  maxFileBytes: MAX_FILE_BYTES,
  // The form's framing (boundaries, part headers) rides on top of the files' bytes.
  maxRequestBytes: MAX_UPLOAD_BYTES + 1024 * 1024,
  maxFiles: MAX_UPLOAD_FILES,
  checkFile: checkUploadName,
  fileTooLarge: (name) => `${name} is larger than ${formatMb(MAX_FILE_BYTES)}, the most a document may be`,
  requestTooLarge: uploadTooLarge,
};

/**
 * Stores uploaded files with a new import run and queues it, in one transaction. Files are
 * checked first (type and size); any bad one refuses the whole upload and writes nothing.
 * The files come spooled to disk and are stored one at a time.
 */
export async function startUploadImport(db: Db, files: SpooledFile[], by: CreatedBy, discipline?: string) {
  if (files.length === 0) throw new DomainError("BAD_INPUT", "Choose at least one file to import", { fields: [{ field: "files", message: "required" }] });
  const bad = files.filter((f) => !isAccepted(f.name));
  if (bad.length) throw unsupported(bad.map((f) => f.name));
  const tooBig = files.filter((f) => f.size > MAX_FILE_BYTES);
  if (tooBig.length) throw new DomainError("TOO_LARGE", `Files over ${formatMb(MAX_FILE_BYTES)}: ${tooBig.map((f) => f.name).join(", ")}`);
  if (files.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_BYTES) throw new DomainError("TOO_LARGE", uploadTooLarge);

  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  return enqueueJob(db, corpusImportJob, { source: { kind: "upload" }, discipline: discipline || undefined, label }, by, async (tx, runId) => {
    for (const f of files) await storeUploadedFile(tx, runId, f);
  });
}
