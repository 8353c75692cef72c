import { DomainError } from "@/lib/domain/errors";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { audit } from "@/lib/server/services/auth/audit";

/** Which frozen benchmark covers which discipline with an active item: what "tested" means. */
export const frozenCoverage = (db: Db) => db.$queryRaw<{ benchmarkId: string; disciplineId: string }[]>`
  SELECT DISTINCT i."benchmarkId", i."disciplineId" FROM "BenchmarkItem" i JOIN "Benchmark" b ON b.id = i."benchmarkId"
  WHERE b.status = 'FROZEN' AND i.status = 'ACTIVE'`;

/**
 * Test first, then orthogonal: a training set may be approved (and later sent to fine-tuning)
 * only when a frozen benchmark covers each of its disciplines, and its latest gate check ran
 * against those benchmarks and found no overlap. Each refusal is a 422 that says what is missing.
 */
export async function assertReadyForTraining(db: Db, trainingSetId: string) {
  const set = await db.trainingSet.findUnique({ where: { id: trainingSetId }, select: { id: true, name: true, version: true, status: true } });
  if (!set) throw new DomainError("NOT_FOUND", `No training set ${trainingSetId}`);
  if (set.status === "BUILDING") throw new DomainError("CONFLICT", `${set.name} v${set.version} is still being built`);
  const disciplines = await db.$queryRaw<{ id: string; slug: string; name: string }[]>`
    SELECT d.id, d.slug, d.name FROM "Discipline" d
    WHERE EXISTS (SELECT 1 FROM "TrainingInstance" i WHERE i."trainingSetId" = ${trainingSetId} AND i."disciplineId" = d.id)
    ORDER BY d."sortOrder", d.slug`;
  const covering = await frozenCoverage(db);
  const covered = new Set(covering.map((c) => c.disciplineId));
  const untested = disciplines.filter((d) => !covered.has(d.id));
  if (untested.length) {
    const names = untested.map((d) => d.name).join(", ");
    throw new DomainError("ORTHOGONALITY_VIOLATION", `Test first: no frozen benchmark covers ${names}. Build and freeze the benchmark before training on these disciplines.`, {
      untested: untested.map((d) => d.slug),
    });
  }
  const check = await db.orthogonalityCheck.findFirst({ where: { trainingSetId }, orderBy: { createdAt: "desc" }, include: { violations: { take: 20 } } });
  const needed = [...new Set(covering.filter((c) => disciplines.some((d) => d.id === c.disciplineId)).map((c) => c.benchmarkId))];
  if (!check || needed.some((id) => !check.frozenIds.includes(id))) {
    throw new DomainError("ORTHOGONALITY_VIOLATION", "Run the orthogonality gate against the frozen benchmarks first.", { benchmarks: needed });
  }
  if (!check.passed) {
    throw new DomainError("ORTHOGONALITY_VIOLATION", `${check.violationCount} training instance–benchmark item pairs overlap`, {
      pairs: check.violations.map((v) => ({ instanceId: v.instanceId, itemId: v.itemId, kind: v.kind, shared: v.shared })),
    });
  }
  return set;
}

export async function approveTrainingSet(db: Db, actor: Principal | null, id: string) {
  const set = await assertReadyForTraining(db, id);
  if (set.status === "APPROVED") return db.trainingSet.findUniqueOrThrow({ where: { id } });
  const updated = await db.trainingSet.update({ where: { id }, data: { status: "APPROVED", approvedAt: new Date(), approvedBy: actor?.userId ?? null } });
  await audit(db, { action: "training_set.approved", actor, target: { type: "training-set", id }, details: { name: set.name, version: set.version } });
  return updated;
}
