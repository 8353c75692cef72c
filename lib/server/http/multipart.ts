import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { DomainError } from "@/lib/domain/errors";
import { bodyChunks } from "./body";

/** A file of the upload, written to a temporary file as it arrived. */
export type SpooledFile = { name: string; path: string; size: number };

export type MultipartUpload = {
  files: SpooledFile[];
  fields: Record<string, string>;
  /** Removes the temporary files; call it once they are stored. */
  dispose(): Promise<void>;
};

export type MultipartLimits = {
  /** The form field that carries the files; parts of other fields are skipped unread. */
  fileField: string;
  maxFileBytes: number;
  /** The whole body, files and form framing together. */
  maxRequestBytes: number;
  maxFiles: number;
  /** Called with each file name as its part begins: throw to refuse the upload before its bytes are read. */
  checkFile?: (name: string) => void;
  fileTooLarge: (name: string) => string;
  requestTooLarge: string;
};

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Parses a multipart/form-data body as it streams in (busboy), writing each file to a temporary
 * folder: memory holds a chunk at a time, never a file. The first limit passed (a file, the
 * request, the number of files or fields) stops reading at once and removes what was written.
 */
export async function receiveMultipart(req: Request, limits: MultipartLimits): Promise<MultipartUpload> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new DomainError("BAD_INPUT", `Send the files as multipart/form-data in the field \`${limits.fileField}\``);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send file names as raw UTF-8; busboy's default would read them as Latin-1.
      defParamCharset: "utf8",
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: limits.maxFiles + MAX_FIELDS },
    });
  } catch (e) {
    throw new DomainError("BAD_INPUT", `The upload is not valid multipart/form-data: ${(e as Error).message}`);
  }
  const bb = parser;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "proda-upload-"));
  const dispose = () => fsp.rm(dir, { recursive: true, force: true });
  const files: SpooledFile[] = [];
  const fields: Record<string, string> = {};
  const sources: Readable[] = [];
  const writes: Promise<void>[] = [];

  // The first failure wins; `failed` lets every wait below stop on it.
  let failure: unknown = null;
  let rejectFailed!: (e: unknown) => void;
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => {});
  const fail = (e: unknown) => {
    if (failure) return;
    failure = e;
    rejectFailed(e);
  };
  const tooLarge = (message: string, details?: object) => fail(new DomainError("TOO_LARGE", message, details));

  bb.on("file", (field, stream, info) => {
    // Destroying the parser errors the part being read; that is expected, not an uncaught error.
    stream.on("error", () => {});
    const name = info.filename ?? "";
    // An empty file input still sends a part, with no name.
    if (failure || field !== limits.fileField || !name) return void stream.resume();
    try {
      limits.checkFile?.(name);
    } catch (e) {
      stream.resume();
      return fail(e);
    }
    const file: SpooledFile = { name, path: path.join(dir, String(files.length)), size: 0 };
    files.push(file);
    sources.push(stream);
    stream.on("data", (chunk: Buffer) => (file.size += chunk.length));
    stream.on("limit", () => tooLarge(limits.fileTooLarge(name), { file: name, limitBytes: limits.maxFileBytes }));
    writes.push(pipeline(stream, fs.createWriteStream(file.path)).catch(fail));
  });
  bb.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) tooLarge(`The form field \`${name}\` is too long`);
    else fields[name] = value;
  });
  bb.on("filesLimit", () => tooLarge(`An upload has at most ${limits.maxFiles} files`));
  bb.on("fieldsLimit", () => tooLarge(`An upload has at most ${MAX_FIELDS} form fields`));
  bb.on("partsLimit", () => tooLarge(`An upload has at most ${limits.maxFiles} files and ${MAX_FIELDS} form fields`));
  bb.on("error", (e: Error) => fail(new DomainError("BAD_INPUT", `The upload is not valid multipart/form-data: ${e.message}`)));
  // Plain listeners, not events.once: that one rejects on a later "error" no one would await.
  const next = (event: string) => new Promise<void>((resolve) => bb.once(event, () => resolve()));
  const closed = next("close");

  try {
    for await (const chunk of bodyChunks(req, { limit: limits.maxRequestBytes, tooLarge: limits.requestTooLarge })) {
      if (failure) break;
      if (!bb.write(chunk)) await Promise.race([next("drain"), failed]);
    }
    if (!failure) {
      bb.end();
      await Promise.race([closed, failed]);
      await Promise.race([Promise.all(writes), failed]);
    }
    if (failure) throw failure;
    return { files, fields, dispose };
  } catch (e) {
    fail(e); // first, so the parser's own complaint about being cut short does not replace it
    for (const s of sources) s.destroy();
    bb.destroy();
    await Promise.allSettled(writes);
    await dispose();
    throw failure;
  }
}
