import type { CoreInputs } from "@/lib/domain/builder";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { checkStructure } from "@/lib/server/services/knowledge/check-structure";

/** Everything of CORE but orthogonality (which the gate adds), from a few aggregate queries. */
export async function gatherCoreInputs(db: Db, setId: string, disciplineIds: string[], note: string | null): Promise<Omit<CoreInputs, "orthogonality">> {
  const [counts] = await db.$queryRaw<{ instances: number; grounded: number; linked: number; schema_errors: number; distinct_hashes: number }[]>`
    SELECT count(*)::int AS instances,
           count(*) FILTER (WHERE "chunkId" IS NOT NULL)::int AS grounded,
           count(*) FILTER (WHERE cardinality("conceptIds") + cardinality("relationIds") > 0)::int AS linked,
           count(*) FILTER (WHERE btrim(prompt) = '' OR btrim(completion) = '' OR cardinality("conceptIds") + cardinality("relationIds") = 0)::int AS schema_errors,
           count(DISTINCT "contentHash")::int AS distinct_hashes
    FROM "TrainingInstance" WHERE "trainingSetId" = ${setId}`;
  const ids = disciplineIds.length ? P.join(disciplineIds) : P.sql`NULL`;
  const [conceptCoverage, relationCoverage] = await Promise.all([coverage(db, setId, "Concept", "conceptIds", ids), coverage(db, setId, "Relation", "relationIds", ids)]);
  const rel = new Map(relationCoverage.map((r) => [r.slug, r]));
  const reachability = await checkStructure(db);
  const set = await db.trainingSet.findUniqueOrThrow({ where: { id: setId }, select: { parent: { select: { id: true, name: true, version: true } } } });
  const [lineage] = set.parent
    ? await db.$queryRaw<{ added: number; removed: number }[]>`
        WITH mine AS (SELECT DISTINCT "contentHash" h FROM "TrainingInstance" WHERE "trainingSetId" = ${setId}),
             theirs AS (SELECT DISTINCT "contentHash" h FROM "TrainingInstance" WHERE "trainingSetId" = ${set.parent.id})
        SELECT (SELECT count(*) FROM (SELECT h FROM mine EXCEPT SELECT h FROM theirs) a)::int AS added,
               (SELECT count(*) FROM (SELECT h FROM theirs EXCEPT SELECT h FROM mine) r)::int AS removed`
    : [{ added: counts.instances, removed: 0 }];
  return {
    instances: counts.instances,
    grounded: counts.grounded,
    linked: counts.linked,
    schemaErrors: counts.schema_errors,
    duplicates: counts.instances - counts.distinct_hashes,
    coverage: conceptCoverage.map((c) => {
      const r = rel.get(c.slug);
      return {
        discipline: c.slug,
        concepts: c.total,
        coveredConcepts: c.covered,
        approvedConcepts: c.approved,
        coveredApprovedConcepts: c.covered_approved,
        relations: r?.total ?? 0,
        coveredRelations: r?.covered ?? 0,
        approvedRelations: r?.approved ?? 0,
        coveredApprovedRelations: r?.covered_approved ?? 0,
      };
    }),
    reachability: { violations: reachability.violations.length },
    lineage: { parent: set.parent, added: lineage.added, removed: lineage.removed, note },
  };
}

type CoverageRow = { slug: string; total: number; covered: number; approved: number; covered_approved: number };

/** Per discipline: how many items of a level (not rejected, and approved) the set teaches. */
function coverage(db: Db, setId: string, table: "Concept" | "Relation", column: "conceptIds" | "relationIds", disciplineIds: P.Sql) {
  return db.$queryRaw<CoverageRow[]>`
    WITH taught AS (SELECT DISTINCT unnest(${P.raw(`"${column}"`)}) AS id FROM "TrainingInstance" WHERE "trainingSetId" = ${setId})
    SELECT d.slug, count(*)::int AS total, count(t.id)::int AS covered,
           count(*) FILTER (WHERE x.status = 'APPROVED')::int AS approved,
           count(t.id) FILTER (WHERE x.status = 'APPROVED')::int AS covered_approved
    FROM ${P.raw(`"${table}"`)} x JOIN "Discipline" d ON d.id = x."disciplineId" LEFT JOIN taught t ON t.id = x.id
    WHERE x.status <> 'REJECTED' AND x."disciplineId" IN (${disciplineIds}) GROUP BY d.slug, d."sortOrder" ORDER BY d."sortOrder"`;
}
