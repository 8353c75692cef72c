import { z } from "zod";

/**
 * What became of the files an import was given, in three counts: every file ends imported (new,
 * changed or unchanged), skipped (nothing left after filtering) or with an error (one per file or
 * manifest line). The Jobs list reads these from the stored report in SQL (lib/server/queries/jobs.ts),
 * the Corpus page and the job detail from the whole report: both through this shape.
 */
export const importCountsSchema = z.object({
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** The fields of an import report (lib/server/services/corpus/import-report.ts) the counts come from. */
type ReportCounts = { documents: number; updated: number; unchanged: number; skipped: unknown[]; errors: unknown[]; errorsNotListed?: number };

export const importCounts = (r: ReportCounts): ImportCounts => ({
  imported: r.documents + r.updated + r.unchanged,
  skipped: r.skipped.length,
  errors: r.errors.length + (r.errorsNotListed ?? 0),
});

export type ImportFailures = { failed: "all" | "some"; errors: number; files: number; label: string };

/**
 * Whether an import's files failed, all of them ("Failed (2 of 2 files)") or some ("Partly
 * failed (1 of 3 files)"); null when none did.
 */
export function importFailures(c: ImportCounts): ImportFailures | null {
  if (c.errors === 0) return null;
  const files = c.imported + c.skipped + c.errors;
  // A skipped file was read (nothing in it was kept), so it did not fail.
  const failed = c.errors === files ? "all" : "some";
  const count = `${c.errors} of ${files} file${files === 1 ? "" : "s"}`;
  return { failed, errors: c.errors, files, label: failed === "all" ? `Failed (${count})` : `Partly failed (${count})` };
}
