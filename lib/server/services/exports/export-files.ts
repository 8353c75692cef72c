import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

/** One file of an export: its path inside the export and its content as a stream of text. */
export type ExportFile = { path: string; content: () => AsyncIterable<string> };

/** An export is one file (JSONL) or a folder of files (a task folder, a dataset). */
export type Export = { name: string; kind: "file" | "folder"; contentType: string; files: ExportFile[] };

export async function* once(text: string): AsyncIterable<string> {
  yield text;
}

/** Writes an export under `out`: the file itself, or the folder's files inside `out`. */
export async function writeExport(exp: Export, out: string): Promise<string[]> {
  const written: string[] = [];
  for (const f of exp.files) {
    const target = exp.kind === "file" ? out : path.join(out, f.path);
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await pipeline(Readable.from(f.content()), fs.createWriteStream(target));
    written.push(target);
  }
  return written;
}

/** A folder export as a zip stream for a download (entries stream: sizes are not needed up front). */
export function zipExport(exp: Export): Readable {
  const zip = new ZipFile();
  for (const f of exp.files) zip.addReadStream(Readable.from(f.content()), `${exp.name}/${f.path}`);
  zip.end();
  return zip.outputStream as unknown as Readable;
}
