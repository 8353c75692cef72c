import { MAX_REPORTED_ERRORS, type DropReason } from "@/lib/domain/corpus";

export type ImportError = { file: string; line: number | null; message: string };

/** The report of one import run; also its checkpoint, saved with every file it writes. */
export type ImportReport = {
  total: number;
  processed: number;
  documents: number;
  updated: number;
  chunks: number;
  tokens: number;
  disciplines: number;
  unchanged: number;
  dropped: Partial<Record<DropReason, number>>;
  droppedSamples: { file: string; reason: DropReason; text: string }[];
  skipped: { file: string; reason: string }[];
  /** The first MAX_REPORTED_ERRORS problems; `errorsNotListed` counts the rest. */
  errors: ImportError[];
  errorsNotListed?: number;
  byDiscipline: Record<string, { documents: number; chunks: number; unchanged: number }>;
  /** The file being read when this checkpoint was written, and by how many attempts (see importCorpus). */
  reading?: { index: number; attempts: number };
};

export const emptyReport = (): ImportReport => ({
  total: 0,
  processed: 0,
  documents: 0,
  updated: 0,
  chunks: 0,
  tokens: 0,
  disciplines: 0,
  unchanged: 0,
  dropped: {},
  droppedSamples: [],
  skipped: [],
  errors: [],
  byDiscipline: {},
});

const MAX_SAMPLES = 30;

/** A report of a thousand bad files lists the first hundred and counts the others. */
export function addError(report: ImportReport, error: ImportError) {
  if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
  else report.errorsNotListed = (report.errorsNotListed ?? 0) + 1;
}

export const errorCount = (report: ImportReport) => report.errors.length + (report.errorsNotListed ?? 0);

export function addDropped(report: ImportReport, file: string, dropped: Partial<Record<DropReason, number>>, samples: { reason: DropReason; text: string }[]) {
  for (const [reason, n] of Object.entries(dropped) as [DropReason, number][]) {
    report.dropped[reason] = (report.dropped[reason] ?? 0) + n;
  }
  for (const s of samples) if (report.droppedSamples.length < MAX_SAMPLES) report.droppedSamples.push({ file, ...s });
}

export function countFor(report: ImportReport, slug: string) {
  if (!report.byDiscipline[slug]) {
    report.byDiscipline[slug] = { documents: 0, chunks: 0, unchanged: 0 };
    report.disciplines = Object.keys(report.byDiscipline).length;
  }
  return report.byDiscipline[slug];
}

export function isImportReport(v: unknown): v is ImportReport {
  return typeof v === "object" && v !== null && "processed" in v && "byDiscipline" in v;
}
