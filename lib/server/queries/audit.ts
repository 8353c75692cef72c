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
  const items = rows.slice(0, f.limit).map((r) => ({ ...r, id: r.id.toString() }));
  return { items, nextCursor: rows.length > f.limit ? items[items.length - 1].id : null };
}
