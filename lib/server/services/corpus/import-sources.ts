import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { MAX_FILE_BYTES, formatMb, parseManifest, type ManifestEntry } from "@/lib/domain/corpus";
import type { ImportError } from "./import-report";
import { readUploadedFile } from "./upload-store";

/** One document to import, from a folder, a file or an upload, with what a manifest says of it. */
export type ImportItem = {
  name: string;
  read(): Promise<Uint8Array>;
  discipline?: string;
  title?: string;
  license?: string;
  source?: string;
  meta?: Record<string, unknown>;
};

export type CollectedItems = { items: ImportItem[]; errors: ImportError[] };

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"];
const MANIFEST = "manifest.jsonl";
const isSupported = (name: string) => SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase());

/** A file from a folder, refused (a per-file error) before it is read when it is over the limit. */
async function readFile(file: string): Promise<Uint8Array> {
  const { size } = await fsp.stat(file);
  if (size > MAX_FILE_BYTES) {
    throw new DomainError("TOO_LARGE", `${path.basename(file)} is ${formatMb(size)}; a document may be at most ${formatMb(MAX_FILE_BYTES)}`);
  }
  return fsp.readFile(file);
}

function fromEntry(entry: ManifestEntry, read: () => Promise<Uint8Array>): ImportItem {
  const { path: p, discipline, title, license, book_url, source, line: _line, ...rest } = entry;
  return { name: p, read, discipline, title, license, source: source ?? book_url, meta: { ...rest } };
}

async function walk(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fsp.readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith(".") || d.name === "node_modules") continue;
    const full = path.join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walk(full, root)));
    else if (isSupported(d.name)) out.push(path.relative(root, full));
  }
  return out.sort();
}

/**
 * A folder with manifest.jsonl imports what the manifest lists (discipline, title, license and
 * source from it). A folder without one imports every supported file, its discipline taken from
 * `discipline` or else from the first sub-folder (the `<discipline>/<file>` layout).
 */
export async function collectFromPath(target: string, discipline?: string): Promise<CollectedItems> {
  const abs = path.resolve(target);
  if (!fs.existsSync(abs)) return { items: [], errors: [{ file: target, line: null, message: "No such file or folder" }] };
  const stat = await fsp.stat(abs);
  const folder = stat.isDirectory() ? abs : path.basename(abs) === MANIFEST ? path.dirname(abs) : null;
  if (!folder) {
    const parent = path.basename(path.dirname(abs));
    return { items: [{ name: path.basename(abs), read: () => readFile(abs), discipline: discipline ?? parent }], errors: [] };
  }
  const manifestPath = path.join(folder, MANIFEST);
  if (fs.existsSync(manifestPath)) {
    const { entries, errors } = parseManifest(Buffer.from(await readFile(manifestPath)).toString("utf8"), MANIFEST);
    const items: ImportItem[] = [];
    for (const entry of entries) {
      const file = path.join(folder, entry.path);
      if (!fs.existsSync(file)) {
        errors.push({ file: entry.path, line: entry.line, message: `${MANIFEST} line ${entry.line} names a file that does not exist` });
        continue;
      }
      items.push(fromEntry({ ...entry, discipline: discipline ?? entry.discipline }, () => readFile(file)));
    }
    return { items, errors };
  }
  const files = await walk(folder);
  return {
    items: files.map((rel) => ({
      name: rel,
      read: () => readFile(path.join(folder, rel)),
      discipline: discipline ?? (rel.includes(path.sep) ? rel.split(path.sep)[0] : path.basename(folder)),
    })),
    errors: [],
  };
}

/** Files uploaded in the browser. A manifest.jsonl among them is matched by path or file name. */
export async function collectFromUploads(db: Db, runId: string, discipline?: string): Promise<CollectedItems> {
  const files = await db.uploadedFile.findMany({ where: { runId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const read = (id: string) => () => readUploadedFile(db, id);
  const manifestFile = files.find((f) => path.basename(f.name) === MANIFEST);
  const others = files.filter((f) => f !== manifestFile);
  if (!manifestFile) return { items: others.map((f) => ({ name: f.name, read: read(f.id), discipline })), errors: [] };

  const text = Buffer.from(await read(manifestFile.id)()).toString("utf8");
  const { entries, errors } = parseManifest(text, MANIFEST);
  const byName = new Map(others.map((f) => [f.name, f]));
  const byBase = new Map(others.map((f) => [path.basename(f.name), f]));
  const items: ImportItem[] = [];
  const listed = new Set<string>();
  for (const entry of entries) {
    const f = byName.get(entry.path) ?? byBase.get(path.basename(entry.path));
    if (!f) {
      errors.push({ file: entry.path, line: entry.line, message: `${MANIFEST} line ${entry.line} names a file that was not uploaded` });
      continue;
    }
    listed.add(f.id);
    items.push(fromEntry({ ...entry, discipline: discipline ?? entry.discipline }, read(f.id)));
  }
  for (const f of others) if (!listed.has(f.id)) items.push({ name: f.name, read: read(f.id), discipline });
  return { items, errors };
}
