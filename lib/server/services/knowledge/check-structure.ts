import { checkReachability, describeViolation, type ReachabilityReport } from "@/lib/domain/knowledge/reachability";
import type { Db } from "@/lib/server/db";
import { selectDisciplines } from "@/lib/server/queries/structure";

export type CheckReport = Omit<ReachabilityReport, "violations"> & {
  concepts: number;
  ok: boolean;
  violations: (ReachabilityReport["violations"][number] & { message: string })[];
};

/** The reachability gate over the stored structure (one discipline or all). */
export async function checkStructure(db: Db, disciplineSlug?: string): Promise<CheckReport> {
  // An unknown discipline is a 404 naming it, not an empty structure that passes.
  if (disciplineSlug) await selectDisciplines(db, [disciplineSlug]);
  const where = disciplineSlug ? { discipline: { slug: disciplineSlug } } : {};
  const [concepts, relations, chains] = await Promise.all([
    db.concept.findMany({ where, select: { id: true } }),
    db.relation.findMany({ where, select: { id: true, subjectId: true, objectId: true } }),
    db.chain.findMany({ where, select: { id: true, status: true, steps: { select: { position: true, relationId: true } } } }),
  ]);
  // Relations of other disciplines are not the question here; but a step may only use what exists.
  const report = checkReachability({ conceptIds: concepts.map((c) => c.id), relations, chains });
  return {
    ...report,
    concepts: concepts.length,
    ok: report.violations.length === 0,
    violations: report.violations.map((v) => ({ ...v, message: describeViolation(v) })),
  };
}
