import { Prisma as P } from "@/lib/server/db";

/**
 * SQL that builds the read models of lib/domain/knowledge/views.ts as JSON inside Postgres, so
 * a search or a subgraph is one statement and one string to the web server, instead of a
 * Prisma query per level and per nesting (each costs about a millisecond of CPU before the
 * database sees it). The aliases name the tables in the statements that use them.
 */

const ref = (alias: string) => P.sql`json_build_object('id', ${P.raw(alias)}.id, 'name', ${P.raw(alias)}.name, 'status', ${P.raw(alias)}.status)`;

/** A concept row `t` as a conceptView. */
export const conceptJson = (t: string) => {
  const a = P.raw(t);
  return P.sql`json_build_object('id', ${a}.id, 'name', ${a}.name, 'aliases', ${a}.aliases, 'definition', ${a}.definition,
    'status', ${a}.status, 'chunkId', ${a}."chunkId", 'disciplineId', ${a}."disciplineId")`;
};

/** A relation row `r` with its subject `s` and object `o` as a relationView. */
export const relationJson = (r: string, s: string, o: string) => {
  const a = P.raw(r);
  return P.sql`json_build_object('id', ${a}.id, 'predicate', ${a}.predicate, 'evidence', ${a}.evidence, 'status', ${a}.status,
    'chunkId', ${a}."chunkId", 'disciplineId', ${a}."disciplineId", 'subject', ${ref(s)}, 'object', ${ref(o)})`;
};

/** A chain row `c` as a chainView: its steps in order, each relation with its ends. */
export const chainJson = (c: string) => {
  const a = P.raw(c);
  return P.sql`json_build_object('id', ${a}.id, 'summary', ${a}.summary, 'status', ${a}.status, 'chunkId', ${a}."chunkId",
    'disciplineId', ${a}."disciplineId",
    'steps', (SELECT coalesce(json_agg(json_build_object('position', cs.position, 'relation', ${relationJson("sr", "ss", "so")}) ORDER BY cs.position), '[]')
      FROM "ChainStep" cs JOIN "Relation" sr ON sr.id = cs."relationId"
      JOIN "Concept" ss ON ss.id = sr."subjectId" JOIN "Concept" so ON so.id = sr."objectId"
      WHERE cs."chainId" = ${a}.id))`;
};

/** The discipline with this slug, as a scalar subquery (null when there is none). */
export const disciplineIdOf = (slug: string) => P.sql`(SELECT id FROM "Discipline" WHERE slug = ${slug})`;
