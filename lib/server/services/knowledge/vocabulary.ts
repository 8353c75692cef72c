import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { Principal } from "@/lib/server/auth/principal";
import { audit } from "@/lib/server/services/auth/audit";
import { DEFAULT_PREDICATES } from "@/lib/domain/knowledge/vocabulary";
import type { Predicate } from "@/lib/domain/knowledge/types";
import type { Db, Prisma } from "@/lib/server/db";

type Client = Db | Prisma.TransactionClient;

/** A discipline's predicate vocabulary; the default one is written the first time it is asked for. */
export async function vocabularyOf(db: Client, disciplineId: string): Promise<Predicate[]> {
  const rows = await db.predicate.findMany({ where: { disciplineId }, select: { name: true, phrase: true, inverse: true }, orderBy: { name: "asc" } });
  if (rows.length) return rows;
  await db.predicate.createMany({ data: DEFAULT_PREDICATES.map((p) => ({ ...p, disciplineId })), skipDuplicates: true });
  return [...DEFAULT_PREDICATES].sort((a, b) => a.name.localeCompare(b.name));
}

export const vocabularyInput = z.object({
  items: z
    .array(
      z.object({
        name: z.string().trim().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case, e.g. converts_to"),
        phrase: z.string().trim().min(1, "is required"),
        inverse: z.string().trim().min(1, "is required"),
      }),
    )
    .min(1, "keep at least one predicate"),
});

async function disciplineId(db: Client, slug: string) {
  const d = await db.discipline.findUnique({ where: { slug }, select: { id: true } });
  if (!d) throw new DomainError("NOT_FOUND", `No discipline "${slug}"`);
  return d.id;
}

export async function vocabularyOfSlug(db: Db, slug: string) {
  return vocabularyOf(db, await disciplineId(db, slug));
}

/** Replaces the vocabulary; removing a predicate that relations still use is refused (409, naming it). */
export async function replaceVocabulary(db: Db, actor: Principal, slug: string, items: Predicate[]) {
  const names = items.map((i) => i.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new DomainError("BAD_INPUT", `Predicate "${dup}" is listed twice`, { fields: [{ field: "items", message: `duplicate ${dup}` }] });
  return db.$transaction(async (tx) => {
    const id = await disciplineId(tx, slug);
    const before = await vocabularyOf(tx, id);
    const removed = before.filter((p) => !names.includes(p.name)).map((p) => p.name);
    const inUse = removed.length ? await tx.relation.groupBy({ by: ["predicate"], where: { disciplineId: id, predicate: { in: removed } }, _count: { _all: true } }) : [];
    if (inUse.length) {
      throw new DomainError("CONFLICT", `Relations still use ${inUse.map((u) => `${u.predicate} (${u._count._all})`).join(", ")}; change them first`, { predicates: inUse.map((u) => u.predicate) });
    }
    await tx.predicate.deleteMany({ where: { disciplineId: id } });
    await tx.predicate.createMany({ data: items.map((p) => ({ ...p, disciplineId: id })) });
    await audit(tx, { action: "knowledge.updated", actor, target: { type: "vocabulary", id: slug }, details: { removed, added: names.filter((n) => !before.some((p) => p.name === n)) } });
    return vocabularyOf(tx, id);
  });
}
