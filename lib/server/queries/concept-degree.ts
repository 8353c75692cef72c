import type { Db } from "@/lib/server/db";

/**
 * Concepts whose kept degree (ConceptDegree, maintained by triggers on "Relation", migration
 * concept_degree) differs from the count of their relation ends: none, unless the triggers are
 * missing or were off during a write. The test of the triggers and their bench check with it.
 */
export function degreeDrift(db: Db) {
  return db.$queryRaw<{ id: string; degree: number; counted: number }[]>`
    SELECT c.id, coalesce(d.degree, 0) AS degree, coalesce(e.n, 0)::int AS counted FROM "Concept" c
    LEFT JOIN "ConceptDegree" d ON d."conceptId" = c.id
    LEFT JOIN (SELECT id, count(*) AS n FROM (SELECT "subjectId" AS id FROM "Relation" UNION ALL SELECT "objectId" FROM "Relation") x GROUP BY id) e ON e.id = c.id
    WHERE coalesce(d.degree, 0) <> coalesce(e.n, 0)`;
}
