import type { Prisma } from "@/lib/generated/prisma/client";
import { documentHash, prepareDocument, type Block } from "@/lib/domain/corpus";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { extractDocument } from "@/lib/adapters/documents/extract-document";
import type { Progress } from "@/lib/server/services/progress";
import { disciplineResolver } from "@/lib/server/services/disciplines";
import type { CollectedItems, ImportItem } from "./import-sources";
import { addDropped, addError, countFor, emptyReport, errorCount, isImportReport, type ImportReport } from "./import-report";

const CHUNK_BATCH = 1000;
/** Attempts that may stop while reading one file before it is reported instead of read again. */
const MAX_ATTEMPTS_PER_FILE = 2;

const blocksText = (blocks: Block[]) => blocks.map((b) => b.text).join("\n\n");
const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Imports documents one by one. Each file is written in one transaction together with the
 * run's checkpoint (the report so far), so a killed worker resumes after the last file it
 * finished and counts nothing twice. A file that fails is reported and writes nothing.
 */
export async function importCorpus(ctx: Progress, collected: CollectedItems): Promise<ImportReport> {
  const { db } = ctx;
  const resumed = isImportReport(ctx.saved) ? ctx.saved : null;
  const report = resumed ?? emptyReport();
  if (!resumed) for (const e of collected.errors) addError(report, e);
  report.total = collected.items.length;
  const resolve = disciplineResolver(db);
  const seen = new Set<string>();
  if (resumed) await ctx.log(`Resuming after ${resumed.processed} of ${report.total} files`);
  else await ctx.log(`Importing ${report.total} files${collected.errors.length ? `, ${collected.errors.length} rejected up front` : ""}`);

  for (let i = report.processed; i < collected.items.length; i++) {
    await ctx.throwIfCancelled();
    const item = collected.items[i];
    try {
      await markReading(ctx, report, i, item.name);
      await importOne(ctx, item, report, resolve, seen);
    } catch (e) {
      if (!isDomainError(e) && !(e instanceof SyntaxError)) {
        // Infrastructure (a lost connection), not this file: the retry reads it as if for the first time.
        delete report.reading;
        await ctx.checkpoint(report as unknown as Prisma.InputJsonValue).catch(() => {});
        throw e;
      }
      addError(report, { file: item.name, line: null, message: errorMessage(e) });
      await ctx.log(`${item.name}: ${errorMessage(e)}`, "warn");
    }
    report.processed = i + 1;
    await ctx.progress(report.processed / Math.max(1, report.total), `${report.processed} of ${report.total} files`);
  }
  delete report.reading;
  // Files that failed or were unchanged wrote no checkpoint of their own.
  await ctx.checkpoint(report as unknown as Prisma.InputJsonValue);
  await ctx.log(
    `Imported ${report.documents} documents (${report.chunks} chunks), ${report.unchanged} unchanged, ${errorCount(report)} errors`,
  );
  return report;
}

/**
 * A file that brings the worker down (a parser out of memory, say) would otherwise be read again
 * by every retry of the job until the job fails, taking the files after it with it. So the
 * checkpoint names the file being read; one that stopped MAX_ATTEMPTS_PER_FILE attempts is
 * reported as this file's error and the import goes on.
 */
async function markReading(ctx: Progress, report: ImportReport, index: number, name: string) {
  const attempts = report.reading?.index === index ? report.reading.attempts : 0;
  if (attempts >= MAX_ATTEMPTS_PER_FILE) {
    throw new DomainError("CORRUPT_FILE", `${name}: the import stopped ${attempts} times while reading this file; it was skipped`);
  }
  report.reading = { index, attempts: attempts + 1 };
  await ctx.checkpoint(report as unknown as Prisma.InputJsonValue);
}

async function importOne(
  ctx: Progress,
  item: ImportItem,
  report: ImportReport,
  resolve: ReturnType<typeof disciplineResolver>,
  seen: Set<string>,
) {
  const { db } = ctx;
  if (!item.discipline) throw new DomainError("BAD_INPUT", "No discipline: choose one for the upload or list the file in a manifest.jsonl");
  const discipline = await resolve(item.discipline);
  const counts = countFor(report, discipline.slug);
  const extracted = await extractDocument(item.name, await item.read());
  const text = blocksText(extracted.blocks);
  const hash = documentHash(text);
  const existing = await db.document.findUnique({
    where: { disciplineId_sourcePath: { disciplineId: discipline.id, sourcePath: item.name } },
    select: { id: true, contentHash: true },
  });
  if (existing?.contentHash === hash) {
    report.unchanged++;
    counts.unchanged++;
    return;
  }

  const prepared = prepareDocument(extracted.blocks, seen);
  // Chunks already stored by other documents are duplicates too (one indexed lookup per file).
  const stored = new Set(
    (
      await db.chunk.findMany({
        where: { contentHash: { in: prepared.chunks.map((c) => c.contentHash) }, ...(existing ? { documentId: { not: existing.id } } : {}) },
        select: { contentHash: true },
      })
    ).map((c) => c.contentHash),
  );
  const kept = prepared.chunks.filter((c) => !stored.has(c.contentHash)).map((c, ordinal) => ({ ...c, ordinal }));
  const dropped = { ...prepared.dropped };
  if (stored.size) dropped.duplicate = (dropped.duplicate ?? 0) + stored.size;
  addDropped(report, item.name, dropped, prepared.droppedSamples);
  if (kept.length === 0) {
    report.skipped.push({ file: item.name, reason: "no chunk left after quality and duplicate filtering" });
    return;
  }

  const tokens = kept.reduce((n, c) => n + c.tokens, 0);
  const title = item.title ?? extracted.title ?? item.name;
  const data = {
    title,
    format: extracted.format,
    license: item.license ?? null,
    source: item.source ?? null,
    meta: (item.meta ?? {}) as Prisma.InputJsonValue,
    contentHash: hash,
    tokens,
    chunkCount: kept.length,
    importRunId: ctx.runId,
  };
  if (existing) report.updated++;
  else report.documents++;
  report.chunks += kept.length;
  report.tokens += tokens;
  counts.documents++;
  counts.chunks += kept.length;

  await db.$transaction(async (tx) => {
    const doc = existing
      ? await tx.document.update({ where: { id: existing.id }, data })
      : await tx.document.create({ data: { ...data, disciplineId: discipline.id, sourcePath: item.name } });
    if (existing) await tx.chunk.deleteMany({ where: { documentId: doc.id } });
    for (let i = 0; i < kept.length; i += CHUNK_BATCH) {
      await tx.chunk.createMany({
        data: kept.slice(i, i + CHUNK_BATCH).map((c) => ({
          documentId: doc.id,
          disciplineId: discipline.id,
          ordinal: c.ordinal,
          heading: c.heading,
          text: c.text,
          tokens: c.tokens,
          contentHash: c.contentHash,
        })),
      });
    }
    await ctx.checkpoint({ ...report, processed: report.processed + 1 } as unknown as Prisma.InputJsonValue, tx);
  }, { timeout: 60_000 });
}
