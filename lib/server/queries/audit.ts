import { z } from "zod";
import type { Db, Prisma } from "@/lib/server/db";

export const auditFilters = z.object({
  action: z.string().optional(),
  /** matches the actor's or the subject's email */
  user: z.string().trim().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().regex(/^\d+$/, "must be an event id").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Newest first, cursor-paginated by id; every filter is served by an index on (…, at). */
export async function listAudit(db: Db, f: z.infer<typeof auditFilters>) {
  const where: Prisma.AuditEventWhereInput = {
    ...(f.action ? { action: f.action.endsWith(".") ? { startsWith: f.action } : f.action } : {}),
    ...(f.user ? { OR: [{ actorEmail: { contains: f.user, mode: "insensitive" } }, { subject: { contains: f.user, mode: "insensitive" } }] } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
    ...(f.cursor ? { id: { lt: BigInt(f.cursor) } } : {}),
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: f.limit + 1 });
  const page = rows.slice(0, f.limit);
  const names = await targetNames(db, page);
  const items = page.map((r) => ({ ...r, id: r.id.toString(), targetName: r.targetId ? (names.get(`${r.targetType}:${r.targetId}`) ?? null) : null }));
  return { items, nextCursor: rows.length > f.limit ? items[items.length - 1].id : null };
}

type Target = { targetType: string | null; targetId: string | null };

/**
 * What each event acted on, by name ("Photosynthesis", "glucose produces ATP", "Benchmark v3"):
 * one query per kind of target on the page, never one per event. Deleted items have no name.
 */
async function targetNames(db: Db, events: Target[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId!))];
  const out = new Map<string, string>();
  const [concepts, relations, chains, benchmarks, sets] = await Promise.all([
    ids("concept").length ? db.concept.findMany({ where: { id: { in: ids("concept") } }, select: { id: true, name: true } }) : [],
    ids("relation").length
      ? db.relation.findMany({ where: { id: { in: ids("relation") } }, select: { id: true, predicate: true, subject: { select: { name: true } }, object: { select: { name: true } } } })
      : [],
    ids("chain").length ? db.chain.findMany({ where: { id: { in: ids("chain") } }, select: { id: true, summary: true, _count: { select: { steps: true } } } }) : [],
    ids("benchmark").length ? db.benchmark.findMany({ where: { id: { in: ids("benchmark") } }, select: { id: true, name: true, version: true } }) : [],
    ids("training-set").length ? db.trainingSet.findMany({ where: { id: { in: ids("training-set") } }, select: { id: true, name: true, version: true } }) : [],
  ]);
  for (const c of concepts) out.set(`concept:${c.id}`, c.name);
  for (const r of relations) out.set(`relation:${r.id}`, `${r.subject.name} ${r.predicate.replace(/_/g, " ")} ${r.object.name}`);
  for (const c of chains) out.set(`chain:${c.id}`, c.summary ?? `a chain of ${c._count.steps} steps`);
  for (const b of benchmarks) out.set(`benchmark:${b.id}`, `${b.name} (v${b.version})`);
  for (const t of sets) out.set(`training-set:${t.id}`, `${t.name} v${t.version}`);
  return out;
}
