import { z } from "zod";
import { externalBenchmarkSchema, externalScoreValueSchema, parseScoresCsv, type ExternalScore } from "@/lib/domain/dashboards";
import { DomainError } from "@/lib/domain/errors";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";

export const externalScoreInput = z.object({
  model: z.string().trim().min(1, "is required"),
  benchmark: externalBenchmarkSchema,
  score: externalScoreValueSchema,
});
export type ExternalScoreInput = z.infer<typeof externalScoreInput>;

/** Every external score, by benchmark then model, with who entered or last changed it. */
export async function listExternalScores(db: Db): Promise<ExternalScore[]> {
  const rows = await db.externalScore.findMany({ select: { id: true, benchmark: true, score: true, updatedBy: true, updatedAt: true, modelVersion: { select: { name: true } } } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => (r.updatedBy ? [r.updatedBy] : [])))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  // Sorted here, not by the database's collation: the same order on every server.
  rows.sort((a, b) => a.benchmark.localeCompare(b.benchmark, "en") || a.modelVersion.name.localeCompare(b.modelVersion.name, "en", { numeric: true }));
  return rows.map((r) => ({ id: r.id, model: r.modelVersion.name, benchmark: r.benchmark, score: r.score, updatedBy: r.updatedBy ? (names.get(r.updatedBy) ?? null) : null, updatedAt: r.updatedAt.toISOString() }));
}

/** "gpqa" is the GPQA already entered: one spelling per external benchmark, the first one's. */
async function spellings(db: Db) {
  const rows = await db.externalScore.findMany({ distinct: ["benchmark"], orderBy: { createdAt: "asc" }, select: { benchmark: true } });
  const known = new Map<string, string>();
  for (const r of rows) if (!known.has(r.benchmark.toLowerCase())) known.set(r.benchmark.toLowerCase(), r.benchmark);
  return (name: string) => known.get(name.toLowerCase()) ?? name;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function upsert(tx: Tx, actor: string | null, modelVersionId: string, benchmark: string, score: number) {
  const existing = await tx.externalScore.findUnique({ where: { modelVersionId_benchmark: { modelVersionId, benchmark } }, select: { id: true } });
  if (existing) return { created: false, row: await tx.externalScore.update({ where: { id: existing.id }, data: { score, updatedBy: actor } }) };
  return { created: true, row: await tx.externalScore.create({ data: { modelVersionId, benchmark, score, createdBy: actor, updatedBy: actor } }) };
}

/** Enters a model's score on an external benchmark, or changes it when one is there (201 / 200 by `created`). */
export async function saveExternalScore(db: Db, actor: Principal | null, input: ExternalScoreInput) {
  const model = await db.modelVersion.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
  if (!model) throw new DomainError("BAD_INPUT", `No model version named "${input.model}"`, { fields: [{ field: "model", message: "no such model version" }] });
  const benchmark = (await spellings(db))(input.benchmark);
  const { created, row } = await db.$transaction((tx) => upsert(tx, actor?.userId ?? null, model.id, benchmark, input.score));
  return { id: row.id, model: model.name, benchmark, score: row.score, created };
}

export async function deleteExternalScore(db: Db, id: string) {
  const gone = await db.externalScore.deleteMany({ where: { id } });
  if (!gone.count) throw new DomainError("NOT_FOUND", `No external score ${id}`);
  return { id, deleted: true };
}

/**
 * A CSV of scores (`model,benchmark,score`): every line checked first (an unknown model, a bad
 * score, a repeat: a 400 listing the lines, nothing written), then every score entered or changed
 * in one transaction.
 */
export async function importExternalScores(db: Db, actor: Principal | null, lines: Iterable<string> | AsyncIterable<string>) {
  const models = new Map((await db.modelVersion.findMany({ select: { id: true, name: true } })).map((m) => [m.name, m.id]));
  const rows = await parseScoresCsv(lines, new Set(models.keys()));
  if (!rows.length) throw new DomainError("BAD_INPUT", "The file has a header and no score: nothing was imported", { lines: [], linesNotListed: 0 });
  const spell = await spellings(db);
  const results = await db.$transaction(async (tx) => {
    const out: boolean[] = [];
    for (const r of rows) out.push((await upsert(tx, actor?.userId ?? null, models.get(r.model)!, spell(r.benchmark), r.score)).created);
    return out;
  });
  const created = results.filter(Boolean).length;
  return { imported: rows.length, created, updated: rows.length - created };
}
