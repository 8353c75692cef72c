import type { Extractor } from "@/lib/domain/knowledge/types";
import type { KnowledgeExtractPayload } from "@/lib/jobs/knowledge-extract";
import type { Progress } from "@/lib/server/services/progress";
import { extractorKey, saveExtraction } from "./save-extraction";
import { vocabularyOf } from "./vocabulary";
import { knowledgeTotals, type KnowledgeTotals } from "./knowledge-totals";
import { addHeadRelations } from "./add-head-relations";
import { normaliseNameCase } from "./normalise-name-case";
import { linkDisciplineChains } from "./link-discipline-chains";
import { selectDisciplines } from "@/lib/server/queries/structure";

const BATCH = 200;

export type ExtractReport = KnowledgeTotals & {
  engine: string;
  extractor: string;
  chunks: { selected: number; extracted: number; skipped: number; failed: number };
  created: { concepts: number; relations: number; chains: number };
  errors: { chunkId: string; message: string }[];
};

/** Is this error about one chunk (skip it) rather than the endpoint or the database (stop)? */
export type ChunkErrorClassifier = (e: unknown) => boolean;

/**
 * Extracts every selected chunk not yet extracted with these settings (all of them with
 * `force`). Each chunk is saved together with its "extracted" mark in one transaction, so a
 * killed run resumes where it stopped and a rerun does nothing new.
 */
export async function extractKnowledge(ctx: Progress, payload: KnowledgeExtractPayload, extractor: Extractor, isChunkError: ChunkErrorClassifier): Promise<ExtractReport> {
  const { db } = ctx;
  const key = extractorKey(extractor.info);
  const disciplines = await selectDisciplines(db, payload.discipline ? [payload.discipline] : undefined);
  const where = {
    disciplineId: { in: disciplines.map((d) => d.id) },
    ...(payload.documentIds?.length ? { documentId: { in: payload.documentIds } } : {}),
  };
  const selected = await db.chunk.count({ where });
  const pending = payload.force ? where : { ...where, extractions: { none: { extractorKey: key } } };
  const todo = await db.chunk.count({ where: pending });
  const report: ExtractReport = {
    engine: extractor.info.id,
    extractor: key,
    chunks: { selected, extracted: 0, skipped: selected - todo, failed: 0 },
    created: { concepts: 0, relations: 0, chains: 0 },
    errors: [],
    ...(await knowledgeTotals(db, [])),
  };
  await ctx.log(`Extracting ${todo} of ${selected} chunks with ${key}${report.chunks.skipped ? ` (${report.chunks.skipped} already extracted)` : ""}`);
  const slugById = new Map(disciplines.map((d) => [d.id, d.slug]));
  const vocabularies = new Map<string, Awaited<ReturnType<typeof vocabularyOf>>>();
  for (const d of disciplines) vocabularies.set(d.id, await vocabularyOf(db, d.id));

  let cursor: string | undefined;
  let done = 0;
  for (;;) {
    // Keyset pagination by id; with `force`, extracted chunks stay in the set, so the cursor moves on.
    const chunks = await db.chunk.findMany({
      where: { ...pending, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, disciplineId: true, heading: true, text: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (chunks.length === 0) break;
    for (const chunk of chunks) {
      await ctx.throwIfCancelled();
      const vocabulary = vocabularies.get(chunk.disciplineId)!;
      try {
        const extraction = await extractor.extract({ id: chunk.id, discipline: slugById.get(chunk.disciplineId)!, heading: chunk.heading, text: chunk.text }, vocabulary);
        const counts = await db.$transaction(async (tx) => {
          const saved = await saveExtraction(tx, { chunkId: chunk.id, disciplineId: chunk.disciplineId, runId: ctx.runId }, extractor.info, extraction, vocabulary);
          await tx.chunkExtraction.upsert({
            where: { chunkId_extractorKey: { chunkId: chunk.id, extractorKey: key } },
            create: { chunkId: chunk.id, extractorKey: key, runId: ctx.runId, concepts: saved.concepts, relations: saved.relations, chains: saved.chains },
            update: { runId: ctx.runId, concepts: saved.concepts, relations: saved.relations, chains: saved.chains, extractedAt: new Date() },
          });
          return saved;
        }, { timeout: 60_000 });
        report.created.concepts += counts.concepts;
        report.created.relations += counts.relations;
        report.created.chains += counts.chains;
        report.chunks.extracted++;
      } catch (e) {
        if (!isChunkError(e)) throw e;
        report.chunks.failed++;
        const message = e instanceof Error ? e.message : String(e);
        if (report.errors.length < 100) report.errors.push({ chunkId: chunk.id, message });
        await ctx.log(`chunk ${chunk.id}: ${message}`, "warn");
      }
      done++;
      await ctx.progress(done / Math.max(1, todo), `${done} of ${todo} chunks`);
    }
    cursor = chunks[chunks.length - 1].id;
  }
  if (extractor.info.id === "local") {
    // Kinds named by narrowing a name ("recessive allele" → "allele"), then chains whose steps sit
    // in different chunks and documents of a discipline (both idempotent).
    const cased = await normaliseNameCase(db, disciplines.map((d) => d.id));
    if (cased) await ctx.log(`Wrote ${cased} concept names in the case the text uses them`);
    const named = await addHeadRelations(db, disciplines.map((d) => d.id));
    report.created.relations += named;
    if (named) await ctx.log(`Added ${named} "is a kind of" relations between concepts whose names narrow one another`);
    await ctx.progress(0.99, "Linking chains across the chunks and documents of each discipline");
    const linked = await linkDisciplineChains(db, disciplines.map((d) => d.id));
    report.created.chains += linked.chains;
    if (linked.chains || linked.removed) await ctx.log(`Linked ${linked.chains} chains across chunks and documents${linked.removed ? `; removed ${linked.removed} the linker no longer chooses` : ""}`);
  }
  Object.assign(report, await knowledgeTotals(db, disciplines.map((d) => d.id)));
  await ctx.log(
    `Created ${report.created.concepts} concepts, ${report.created.relations} relations, ${report.created.chains} chains; ` +
      `the structure now holds ${report.concepts}, ${report.relations}, ${report.chains}`,
  );
  return report;
}
