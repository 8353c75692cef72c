import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { disciplineIdOf } from "./knowledge-json";

export type SearchTable = "Concept" | "Relation" | "Chain";

export type FullTextQuery = {
  q: string;
  discipline?: string;
  status?: string[];
  /** relations only */
  predicate?: string[];
  /** relations only: touching this concept */
  concept?: string;
  /** the last id of the previous page */
  cursor?: string;
  limit: number;
};

/**
 * One page of ids matching a full-text query (Postgres websearch syntax), best first, in one
 * statement: the filters and the order are applied in the database and only `limit + 1` ids
 * leave it. Pages continue after the cursor's (rank, id), so ranked pages neither repeat nor
 * skip rows.
 */
export async function rankedIds(db: Db, table: SearchTable, f: FullTextQuery): Promise<string[]> {
  const filters: P.Sql[] = [P.sql`t."searchDocument" @@ query.q`];
  if (f.discipline) filters.push(P.sql`t."disciplineId" = ${disciplineIdOf(f.discipline)}`);
  if (f.status?.length) filters.push(P.sql`t."status"::text = ANY(${f.status})`);
  if (table === "Relation" && f.predicate?.length) filters.push(P.sql`t."predicate" = ANY(${f.predicate})`);
  if (table === "Relation" && f.concept) filters.push(P.sql`(t."subjectId" = ${f.concept} OR t."objectId" = ${f.concept})`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${f.q}) AS q),
    matched AS (
      SELECT t.id, ts_rank(t."searchDocument", query.q) AS rank
      FROM ${P.raw(`"${table}"`)} t, query
      WHERE ${P.join(filters, " AND ")}
    )
    SELECT matched.id FROM matched
    ${f.cursor
      ? P.sql`, (SELECT rank FROM matched WHERE id = ${f.cursor}) AS after
          WHERE matched.rank < after.rank OR (matched.rank = after.rank AND matched.id > ${f.cursor})`
      : P.empty}
    ORDER BY matched.rank DESC, matched.id
    LIMIT ${f.limit + 1}`;
  return rows.map((r) => r.id);
}

/** Rows in the order of `ids` (the rank order of `rankedIds`). */
export function inIdOrder<T extends { id: string }>(rows: T[], ids: string[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
