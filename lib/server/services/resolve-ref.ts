import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";

/** A benchmark by id, "v3", "3" or "latest". */
export async function resolveBenchmark(db: Db, ref: string) {
  const version = /^v?(\d+)$/i.exec(ref)?.[1];
  const b =
    ref === "latest"
      ? await db.benchmark.findFirst({ orderBy: { version: "desc" } })
      : version
        ? await db.benchmark.findUnique({ where: { version: Number(version) } })
        : await db.benchmark.findUnique({ where: { id: ref } });
  if (!b) throw new DomainError("NOT_FOUND", `No benchmark "${ref}" (use an id, v<N> or latest)`);
  return b;
}

/** The newest frozen benchmark, what training and evaluation default to; null when none is frozen. */
export const newestFrozenBenchmark = (db: Db) => db.benchmark.findFirst({ where: { status: "FROZEN" }, orderBy: { version: "desc" } });

/** A training set by id, "NAME" (its latest version) or "NAME@N". */
export async function resolveTrainingSet(db: Db, ref: string) {
  const byId = await db.trainingSet.findUnique({ where: { id: ref } });
  if (byId) return byId;
  const [, name, version] = /^(.*?)(?:@(\d+))?$/.exec(ref)!;
  const set = await db.trainingSet.findFirst({ where: { name, ...(version ? { version: Number(version) } : {}) }, orderBy: { version: "desc" } });
  if (!set) throw new DomainError("NOT_FOUND", `No training set "${ref}" (use an id, a name, or name@version)`);
  return set;
}
