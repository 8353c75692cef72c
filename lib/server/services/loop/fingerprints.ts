import crypto from "node:crypto";
import { DEFAULT_PREDICATES } from "@/lib/domain/knowledge/vocabulary";
import type { Db, Prisma } from "@/lib/server/db";
import type { StageName } from "./loop-report";

/**
 * A stage's fingerprint: the versions of its inputs, flat and readable, e.g. for "train-v1"
 * `{ trainingSet: "v1-data@3", trainer: "local", endpoint: null }`. Upstream inputs are named by
 * the version of what the upstream stage made (a benchmark's v<N>, a training set's name@version,
 * a model's name, a run's id), so a stage that ran again upstream changes the fingerprints of the
 * stages below it, and only those. What people change directly (documents, the knowledge) is
 * versioned by counts and the newest edit time: an addition or an edit moves the time, a deletion
 * moves a count.
 */
export type Fingerprint = Record<string, string | number | boolean | null>;

/** What a stage's last successful run left: its fingerprint then and the id of what it made. */
export type StoredStage = { fingerprint: Fingerprint; output: string | null; ranAt: Date };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The corpus as extraction sees it: a new or re-imported (changed) document moves these. */
export async function documentsVersion(db: Db): Promise<Fingerprint> {
  const agg = await db.document.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  return { documents: agg._count._all, newestDocument: iso(agg._max.updatedAt) };
}

/**
 * The predicates' phrasing (the words questions and instances use), hashed: only the disciplines
 * whose vocabulary differs from the default count, since a discipline's default vocabulary is
 * written the first time anything reads it (the benchmark build does), which changes nothing.
 */
async function vocabularyVersion(db: Db): Promise<string> {
  const line = (p: { name: string; phrase: string; inverse: string }) => `${p.name}\u001f${p.phrase}\u001f${p.inverse}`;
  // Sorted here, by code unit, on both sides: the database's collation may order names otherwise.
  const defaults = DEFAULT_PREDICATES.map(line).sort().join("\n");
  const rows = await db.predicate.findMany({ select: { disciplineId: true, name: true, phrase: true, inverse: true } });
  const byDiscipline = new Map<string, string[]>();
  for (const r of rows) byDiscipline.set(r.disciplineId, [...(byDiscipline.get(r.disciplineId) ?? []), line(r)]);
  const custom = [...byDiscipline]
    .map(([id, lines]) => [id, lines.sort().join("\n")])
    .filter(([, v]) => v !== defaults)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (!custom.length) return "default";
  return crypto.createHash("sha256").update(custom.map(([id, v]) => `${id}\n${v}`).join("\u001e")).digest("hex").slice(0, 16);
}

/** The knowledge structure as the Tester and the Builder see it: every edit, review decision or extraction moves a count or the newest edit time. */
export async function knowledgeVersion(db: Db): Promise<Fingerprint> {
  const [concepts, relations, chains, vocabulary] = await Promise.all([
    db.concept.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.relation.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.chain.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    vocabularyVersion(db),
  ]);
  const newest = [concepts, relations, chains].map((a) => a._max.updatedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    concepts: concepts._count._all,
    relations: relations._count._all,
    chains: chains._count._all,
    newestEdit: newest ? new Date(newest).toISOString() : null,
    vocabulary,
  };
}

const show = (v: unknown) => (typeof v === "string" && v.length > 24 ? null : String(v));

/** What changed between two fingerprints, for the stage's reason: "budget 10 → 25, benchmark v1 → v2". */
export function describeChange(before: Fingerprint, now: Fingerprint): string | null {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])];
  const changed = keys.filter((k) => (before[k] ?? null) !== (now[k] ?? null));
  if (!changed.length) return null;
  return changed
    .map((k) => {
      const [a, b] = [show(before[k] ?? null), show(now[k] ?? null)];
      // Times and ids say little in a message: "newestEdit changed" is enough.
      return a === null || b === null || /newest|vocabulary/.test(k) ? `${k} changed` : `${k} ${a} → ${b}`;
    })
    .join(", ");
}

/** The last successful run of every stage the loop has run in this workspace. */
export async function storedStages(db: Db): Promise<Map<StageName, StoredStage>> {
  const rows = await db.loopStage.findMany();
  return new Map(rows.map((r) => [r.stage as StageName, { fingerprint: r.fingerprint as Fingerprint, output: r.output, ranAt: r.ranAt }]));
}

/** Records a stage's successful run: from now on it is up to date while its fingerprint stays the same. */
export async function recordStage(db: Db, stage: StageName, data: { fingerprint: Fingerprint; output: string | null; loopRunId: string; jobRunId?: string }) {
  const row = { fingerprint: data.fingerprint as Prisma.InputJsonValue, output: data.output, loopRunId: data.loopRunId, jobRunId: data.jobRunId ?? null, ranAt: new Date() };
  await db.loopStage.upsert({ where: { stage }, create: { stage, ...row }, update: row });
}
