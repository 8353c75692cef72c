import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

/** The shared OpenStax corpus beside the repository (../shared/corpus). */
export const SHARED_CORPUS = fileURLToPath(new URL("../../shared/corpus", import.meta.url));

/** A temporary folder with the given files (paths relative to it), in the test run's home: removed with it. */
export function tempFolder(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(inject("filesRoot"), "proda-files-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** An uploaded file as the multipart parser leaves it: spooled to a temporary file. */
export function spooledFile(name: string, content: string | Uint8Array) {
  const file = path.join(tempFolder({ [name]: content }), name);
  return { name, path: file, size: fs.statSync(file).size };
}

export const paragraph = (topic: string) =>
  `${topic} is a central idea of this section. Photosynthesis converts light energy into chemical energy, ` +
  `and the chemical energy is stored in glucose. Glucose provides energy for cellular respiration, ` +
  `which produces ATP for the work of the cell in ${topic}.`;
