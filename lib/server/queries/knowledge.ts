import { z } from "zod";
import type { Db, Prisma } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { reviewStatus, searchResult, type SearchResult } from "@/lib/domain/knowledge/views";
import { chainJson, conceptJson, disciplineIdOf, relationJson } from "./knowledge-json";
import { inIdOrder, rankedIds, type FullTextQuery, type SearchTable } from "./full-text";
import { pageQuery, searchText, toPage } from "./pagination";

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item)).optional();

export const knowledgeFilters = pageQuery.extend({
  discipline: z.string().optional(),
  status: list(reviewStatus),
  q: searchText.optional(),
});
export const relationFilters = knowledgeFilters.extend({ predicate: list(z.string()), concept: z.string().optional() });
export type KnowledgeFilters = z.infer<typeof knowledgeFilters>;

const CONCEPT = { id: true, name: true, aliases: true, definition: true, evidence: true, status: true, chunkId: true, extractor: true, model: true, promptVersion: true, editedAt: true, disciplineId: true } as const;
const CONCEPT_REF = { select: { id: true, name: true, status: true } } as const;
const RELATION = {
  id: true, predicate: true, evidence: true, status: true, chunkId: true, extractor: true, model: true, promptVersion: true, editedAt: true, disciplineId: true,
  subject: CONCEPT_REF, object: CONCEPT_REF,
} as const;
const CHAIN = {
  id: true, summary: true, status: true, chunkId: true, extractor: true, model: true, promptVersion: true, editedAt: true, disciplineId: true,
  steps: { orderBy: { position: "asc" }, select: { position: true, relation: { select: RELATION } } },
} as const;

/**
 * A page of one level: with a query, the ids come ranked from one full-text statement with
 * every filter applied (`rankedIds`) and only that page's rows are read; without, id order.
 */
async function page<T extends { id: string }>(
  db: Db,
  table: SearchTable,
  f: FullTextQuery | (KnowledgeFilters & { predicate?: string[]; concept?: string }),
  read: (where: Record<string, unknown>, order: { orderBy?: { id: "asc" }; take?: number; cursor?: { id: string }; skip?: number }) => Promise<T[]>,
) {
  if (f.q) {
    const ids = await rankedIds(db, table, { ...f, q: f.q });
    return toPage(inIdOrder(await read({ id: { in: ids } }, {}), ids), f.limit);
  }
  const where: Record<string, unknown> = {};
  if (f.discipline) where.discipline = { slug: f.discipline };
  if (f.status?.length) where.status = { in: f.status };
  if (f.predicate?.length) where.predicate = { in: f.predicate };
  if (f.concept) where.OR = [{ subjectId: f.concept }, { objectId: f.concept }];
  return toPage(await read(where, { orderBy: { id: "asc" }, take: f.limit + 1, ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}) }), f.limit);
}

export async function listConcepts(db: Db, f: KnowledgeFilters) {
  return page(db, "Concept", f, (where, order) =>
    db.concept.findMany({ where, select: { ...CONCEPT, _count: { select: { subjectOf: true, objectOf: true } } }, ...order }),
  );
}

export async function listRelations(db: Db, f: z.infer<typeof relationFilters>) {
  return page(db, "Relation", f, (where, order) => db.relation.findMany({ where, select: RELATION, ...order }));
}

export async function listChains(db: Db, f: KnowledgeFilters) {
  return page(db, "Chain", f, (where, order) => db.chain.findMany({ where, select: CHAIN, ...order }));
}

/**
 * One query box over all three levels, best first: one statement that ranks each level by its
 * stored full-text document and builds the answer as JSON (lib/server/queries/knowledge-json.ts).
 */
export async function searchKnowledge(db: Db, f: { q: string; discipline?: string; limit: number }): Promise<SearchResult> {
  const scope = f.discipline ? P.sql`AND t."disciplineId" = ${disciplineIdOf(f.discipline)}` : P.empty;
  const rank = P.sql`ts_rank(t."searchDocument", query.q) AS rank`;
  const matches = P.sql`t."searchDocument" @@ query.q ${scope} ORDER BY rank DESC, t.id LIMIT ${f.limit}`;
  const [row] = await db.$queryRaw<{ result: string }[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${f.q}) AS q),
    c AS (SELECT t.id, t.name, t.aliases, t.definition, t.status, t."chunkId", t."disciplineId", ${rank} FROM "Concept" t, query WHERE ${matches}),
    r AS (SELECT t.id, t.predicate, t.evidence, t.status, t."chunkId", t."disciplineId", t."subjectId", t."objectId", ${rank} FROM "Relation" t, query WHERE ${matches}),
    ch AS (SELECT t.id, t.summary, t.status, t."chunkId", t."disciplineId", ${rank} FROM "Chain" t, query WHERE ${matches})
    SELECT json_build_object(
      'concepts', (SELECT coalesce(json_agg(${conceptJson("c")} ORDER BY c.rank DESC, c.id), '[]') FROM c),
      'relations', (SELECT coalesce(json_agg(${relationJson("r", "s", "o")} ORDER BY r.rank DESC, r.id), '[]')
        FROM r JOIN "Concept" s ON s.id = r."subjectId" JOIN "Concept" o ON o.id = r."objectId"),
      'chains', (SELECT coalesce(json_agg(${chainJson("ch")} ORDER BY ch.rank DESC, ch.id), '[]') FROM ch)
    )::text AS result`;
  return searchResult.parse(JSON.parse(row.result));
}

const chunkOf = (db: Db, chunkId: string | null) =>
  chunkId ? db.chunk.findUnique({ where: { id: chunkId }, select: { id: true, heading: true, text: true, document: { select: { id: true, title: true } } } }) : null;

/** A concept with its neighbours: relations both ways and the chains that pass through it. */
export async function getConcept(db: Db, id: string) {
  const concept = await db.concept.findUniqueOrThrow({ where: { id }, select: { ...CONCEPT, discipline: { select: { slug: true, name: true } } } });
  const relations = await db.relation.findMany({ where: { OR: [{ subjectId: id }, { objectId: id }] }, select: RELATION, orderBy: { id: "asc" }, take: 500 });
  const chains = await db.chain.findMany({ where: { steps: { some: { relationId: { in: relations.map((r) => r.id) } } } }, select: CHAIN, take: 200 });
  return { concept, chunk: await chunkOf(db, concept.chunkId), relations, chains };
}

export async function getRelation(db: Db, id: string) {
  const relation = await db.relation.findUniqueOrThrow({ where: { id }, select: RELATION });
  const chains = await db.chain.findMany({ where: { steps: { some: { relationId: id } } }, select: CHAIN });
  return { relation, chunk: await chunkOf(db, relation.chunkId), chains };
}

export async function getChain(db: Db, id: string) {
  const chain = await db.chain.findUniqueOrThrow({ where: { id }, select: CHAIN });
  return { chain, chunk: await chunkOf(db, chain.chunkId) };
}

export type ChainRow = Prisma.ChainGetPayload<{ select: typeof CHAIN }>;
export { CHAIN as CHAIN_SELECT, RELATION as RELATION_SELECT, CONCEPT as CONCEPT_SELECT };
