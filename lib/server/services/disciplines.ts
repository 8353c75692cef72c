import type { Db } from "@/lib/server/db";
import { DEFAULT_DISCIPLINES, disciplineKey, slugify } from "@/lib/domain/disciplines";

export type DisciplineRef = { id: string; slug: string; name: string };

export async function ensureDefaultDisciplines(db: Db) {
  await db.discipline.createMany({
    data: DEFAULT_DISCIPLINES.map((d, i) => ({ ...d, sortOrder: i })),
    skipDuplicates: true,
  });
}

/**
 * Finds disciplines by slug or name, as a manifest or a user writes them; an unknown one is
 * created (disciplines are editable, and a corpus may bring its own).
 */
export function disciplineResolver(db: Db) {
  const cache = new Map<string, DisciplineRef>();
  let loaded = false;
  return async (nameOrSlug: string): Promise<DisciplineRef> => {
    if (!loaded) {
      for (const d of await db.discipline.findMany({ select: { id: true, slug: true, name: true } })) {
        cache.set(disciplineKey(d.slug), d);
        cache.set(disciplineKey(d.name), d);
      }
      loaded = true;
    }
    const key = disciplineKey(nameOrSlug);
    const hit = cache.get(key);
    if (hit) return hit;
    const name = /[A-Z ]/.test(nameOrSlug) ? nameOrSlug.trim() : nameOrSlug.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
    const slug = slugify(name);
    const max = await db.discipline.aggregate({ _max: { sortOrder: true } });
    const created = await db.discipline.upsert({
      where: { slug },
      create: { slug, name, sortOrder: (max._max.sortOrder ?? 0) + 1 },
      update: {},
      select: { id: true, slug: true, name: true },
    });
    cache.set(key, created);
    return created;
  };
}
