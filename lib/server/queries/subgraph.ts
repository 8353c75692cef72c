import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { reviewStatus, subgraphView, type SubgraphView } from "@/lib/domain/knowledge/views";
import { chainJson, conceptJson } from "./knowledge-json";

export const subgraphInput = z.object({
  /** concept or chain ids to start from; none: the discipline's most connected concepts */
  focus: z.array(z.string()).max(200).default([]),
  depth: z.coerce.number().int().min(0).max(4).default(1),
  /** at most this many concepts */
  limit: z.coerce.number().int().min(1).max(5000).default(300),
  discipline: z.string().optional(),
  status: z.array(reviewStatus).optional(),
  predicate: z.array(z.string()).optional(),
  /** which levels to answer with: chains are left out with ["L1","L2"] */
  level: z.array(z.enum(["L1", "L2", "L3"])).default(["L1", "L2", "L3"]),
});
export type SubgraphInput = z.infer<typeof subgraphInput>;

/**
 * A part of the graph for the canvas: breadth-first from the focus, one query per depth level
 * (never one per node), cut at `limit` concepts; relations are those among the kept concepts,
 * chains those whose every step is among the kept relations. Ids travel as arrays; the answer
 * is built as JSON by one statement (lib/server/queries/knowledge-json.ts).
 */
export async function subgraph(db: Db, input: SubgraphInput): Promise<SubgraphView> {
  const disciplineId = input.discipline ? await disciplineIdFor(db, input.discipline) : undefined;
  const relFilter = P.join(
    [
      P.sql`TRUE`,
      ...(disciplineId ? [P.sql`r."disciplineId" = ${disciplineId}`] : []),
      ...(input.status?.length ? [P.sql`r.status::text = ANY(${input.status})`] : []),
      ...(input.predicate?.length ? [P.sql`r.predicate = ANY(${input.predicate})`] : []),
    ],
    " AND ",
  );
  const seeds = await seedConcepts(db, input, disciplineId);
  const kept = new Set<string>(seeds.slice(0, input.limit));
  let frontier = [...kept];
  let truncated = seeds.length > input.limit;
  for (let d = 0; d < input.depth && frontier.length && !truncated; d++) {
    const edges = await db.$queryRaw<{ subjectId: string; objectId: string }[]>`
      WITH f AS (SELECT ${frontier}::text[] AS ids)
      SELECT r."subjectId", r."objectId" FROM "Relation" r, f
      WHERE ${relFilter} AND (r."subjectId" = ANY(f.ids) OR r."objectId" = ANY(f.ids))`;
    const next: string[] = [];
    for (const e of edges) {
      for (const id of [e.subjectId, e.objectId]) {
        if (kept.has(id)) continue;
        if (kept.size >= input.limit) {
          truncated = true;
          break;
        }
        kept.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  const ids = [...kept];
  const withRelations = input.level.includes("L2") || input.level.includes("L3");
  const withChains = input.level.includes("L3");
  const chainStatus = input.status?.length ? P.sql`AND c.status::text = ANY(${input.status})` : P.empty;
  const [row] = await db.$queryRaw<{ result: string }[]>`
    WITH kept AS (SELECT ${ids}::text[] AS ids),
    r AS (
      SELECT r.id, r."subjectId", r."objectId", r.predicate, r.status, r.evidence FROM "Relation" r, kept
      WHERE ${withRelations ? P.sql`TRUE` : P.sql`FALSE`} AND ${relFilter} AND r."subjectId" = ANY(kept.ids) AND r."objectId" = ANY(kept.ids)
    ),
    ch AS (
      SELECT c.id, c.summary, c.status, c."chunkId", c."disciplineId" FROM "Chain" c
      WHERE ${withChains ? P.sql`TRUE` : P.sql`FALSE`} ${chainStatus}
        AND c.id IN (SELECT cs."chainId" FROM "ChainStep" cs WHERE cs."relationId" IN (SELECT id FROM r))
        AND NOT EXISTS (SELECT 1 FROM "ChainStep" cs WHERE cs."chainId" = c.id AND cs."relationId" NOT IN (SELECT id FROM r))
      ORDER BY c.id LIMIT 1000
    )
    SELECT json_build_object(
      'concepts', (SELECT coalesce(json_agg(${conceptJson("t")} ORDER BY t.id), '[]') FROM "Concept" t, kept WHERE t.id = ANY(kept.ids)),
      'relations', ${input.level.includes("L2")
        ? P.sql`(SELECT coalesce(json_agg(json_build_object('id', r.id, 'subjectId', r."subjectId", 'objectId', r."objectId",
            'predicate', r.predicate, 'status', r.status, 'evidence', r.evidence) ORDER BY r.id), '[]') FROM r)`
        : P.sql`'[]'::json`},
      'chains', (SELECT coalesce(json_agg(${chainJson("ch")} ORDER BY ch.id), '[]') FROM ch),
      'truncated', ${truncated}::boolean
    )::text AS result`;
  return subgraphView.parse(JSON.parse(row.result));
}

async function disciplineIdFor(db: Db, slug: string): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Discipline" WHERE slug = ${slug}`;
  if (!row) throw new DomainError("NOT_FOUND", `No discipline "${slug}"`, { fields: [{ field: "discipline", message: "does not exist" }] });
  return row.id;
}

/** Focus ids as concepts (a chain contributes the concepts along it), or the most connected concepts. */
async function seedConcepts(db: Db, input: SubgraphInput, disciplineId?: string): Promise<string[]> {
  if (input.focus.length) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        SELECT c.id, 0 AS chain, 0 AS position, 0 AS side FROM "Concept" c WHERE c.id = ANY(${input.focus})
        UNION ALL
        SELECT e.id, 1, cs.position, e.side FROM "ChainStep" cs JOIN "Relation" r ON r.id = cs."relationId"
          CROSS JOIN LATERAL (VALUES (r."subjectId", 0), (r."objectId", 1)) AS e(id, side)
          WHERE cs."chainId" = ANY(${input.focus})
      ) seeds ORDER BY chain, position, side`;
    return [...new Set(rows.map((r) => r.id))];
  }
  // ConceptDegree is kept by triggers on "Relation" and indexed with the discipline: the most
  // connected concepts are the first rows of an index, not a count of every relation end. When
  // fewer concepts than asked have relations, the others follow in id order.
  const n = input.limit + 1;
  const inDiscipline = (alias: string) => (disciplineId ? P.sql`${P.raw(alias)}."disciplineId" = ${disciplineId}` : P.sql`TRUE`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH top AS (
      SELECT d."conceptId" AS id, d.degree FROM "ConceptDegree" d WHERE ${inDiscipline("d")} AND d.degree > 0
      ORDER BY d.degree DESC, d."conceptId" LIMIT ${n}
    )
    SELECT id FROM (
      SELECT id, 0 AS part, degree FROM top
      UNION ALL
      (SELECT c.id, 1, 0 FROM "Concept" c
        WHERE ${inDiscipline("c")} AND NOT EXISTS (SELECT 1 FROM "ConceptDegree" d WHERE d."conceptId" = c.id AND d.degree > 0)
        ORDER BY c.id LIMIT greatest(0, ${n} - (SELECT count(*) FROM top)))
    ) seeds ORDER BY part, degree DESC, id`;
  return rows.map((r) => r.id);
}
