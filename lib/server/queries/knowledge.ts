import { z } from "zod";
import type { Db, Prisma } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { pageQuery, toPage } from "./pagination";

const STATUS = z.enum(["DRAFT", "APPROVED", "REJECTED"]);
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item)).optional();

export const knowledgeFilters = pageQuery.extend({
  discipline: z.string().optional(),
  status: list(STATUS),
  q: z.string().trim().optional(),
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

/** Ids matching a full-text query (Postgres websearch syntax), best first, through the GIN indexes. */
async function searchIds(db: Db, table: "Concept" | "Relation" | "Chain", q: string, limit: number): Promise<string[]> {
  const doc =
    table === "Concept"
      ? P.sql`proda_concept_document("name", "aliases", "definition", "evidence")`
      : table === "Relation"
        ? P.sql`to_tsvector('english'::regconfig, "evidence")`
        : P.sql`to_tsvector('english'::regconfig, coalesce("summary", ''))`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM ${P.raw(`"${table}"`)}
    WHERE ${doc} @@ websearch_to_tsquery('english', ${q})
    ORDER BY ts_rank(${doc}, websearch_to_tsquery('english', ${q})) DESC, id
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

const FTS_LIMIT = 2000;

async function common(db: Db, table: "Concept" | "Relation" | "Chain", f: KnowledgeFilters) {
  const where: { discipline?: { slug: string }; status?: { in: z.infer<typeof STATUS>[] }; id?: { in: string[] } } = {};
  if (f.discipline) where.discipline = { slug: f.discipline };
  if (f.status?.length) where.status = { in: f.status };
  if (f.q) {
    const ids = await searchIds(db, table, f.q, FTS_LIMIT);
    where.id = { in: ids };
    // Keep the rank order for the first page; cursor pages fall back to id order.
    return { where, rank: f.cursor ? null : ids };
  }
  return { where, rank: null };
}

function ranked<T extends { id: string }>(rows: T[], rank: string[] | null) {
  if (!rank) return rows;
  const pos = new Map(rank.map((id, i) => [id, i]));
  return [...rows].sort((a, b) => (pos.get(a.id) ?? 0) - (pos.get(b.id) ?? 0));
}

export async function listConcepts(db: Db, f: KnowledgeFilters) {
  const { where, rank } = await common(db, "Concept", f);
  const rows = await db.concept.findMany({
    where, select: { ...CONCEPT, _count: { select: { subjectOf: true, objectOf: true } } },
    orderBy: rank ? undefined : { id: "asc" }, take: rank ? f.limit + 1 : f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
  });
  return toPage(ranked(rows, rank), f.limit);
}

export async function listRelations(db: Db, f: z.infer<typeof relationFilters>) {
  const { where, rank } = await common(db, "Relation", f);
  const rows = await db.relation.findMany({
    where: {
      ...where,
      ...(f.predicate?.length ? { predicate: { in: f.predicate } } : {}),
      ...(f.concept ? { OR: [{ subjectId: f.concept }, { objectId: f.concept }] } : {}),
    },
    select: RELATION, orderBy: rank ? undefined : { id: "asc" }, take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
  });
  return toPage(ranked(rows, rank), f.limit);
}

export async function listChains(db: Db, f: KnowledgeFilters) {
  const { where, rank } = await common(db, "Chain", f);
  const rows = await db.chain.findMany({
    where, select: CHAIN, orderBy: rank ? undefined : { id: "asc" }, take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
  });
  return toPage(ranked(rows, rank), f.limit);
}

/** One query box over all three levels. */
export async function searchKnowledge(db: Db, f: { q: string; discipline?: string; limit: number }) {
  const base = { q: f.q, discipline: f.discipline, limit: f.limit };
  const [concepts, relations, chains] = await Promise.all([listConcepts(db, base), listRelations(db, base), listChains(db, base)]);
  return { concepts: concepts.items, relations: relations.items, chains: chains.items };
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
