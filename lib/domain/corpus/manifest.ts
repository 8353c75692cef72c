import { z } from "zod";

/** One line of manifest.jsonl (the format of the shared corpus); unknown fields are kept. */
const manifestLine = z
  .object({
    path: z.string().trim().min(1, "path must be a non-empty string"),
    discipline: z.string().trim().min(1, "discipline must be a non-empty string"),
    title: z.string().optional(),
    license: z.string().optional(),
    source: z.string().optional(),
    book_url: z.string().optional(),
  })
  .passthrough();

export type ManifestEntry = z.infer<typeof manifestLine> & { line: number };
export type ManifestError = { file: string; line: number; message: string };

const describe = (issue: z.core.$ZodIssue) =>
  issue.path.length ? `field "${issue.path.join(".")}": ${issue.message}` : issue.message;

/**
 * Parses manifest.jsonl line by line. A bad line is an error with its line number and does
 * not stop the others; blank lines are ignored; a path listed twice is an error on the second.
 */
export function parseManifest(text: string, file = "manifest.jsonl"): { entries: ManifestEntry[]; errors: ManifestError[] } {
  const entries: ManifestEntry[] = [];
  const errors: ManifestError[] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      errors.push({ file, line, message: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    const parsed = manifestLine.safeParse(json);
    if (!parsed.success) {
      errors.push({ file, line, message: parsed.error.issues.map(describe).join("; ") });
      return;
    }
    const earlier = firstLine.get(parsed.data.path);
    if (earlier) {
      errors.push({ file, line, message: `path "${parsed.data.path}" is already listed on line ${earlier}` });
      return;
    }
    firstLine.set(parsed.data.path, line);
    entries.push({ ...parsed.data, line });
  });
  return { entries, errors };
}
