import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";
import { CHAIN_SELECT, CONCEPT_SELECT } from "./knowledge";

const STATUS = z.enum(["DRAFT", "APPROVED", "REJECTED"]);

export const subgraphInput = z.object({
  /** concept or chain ids to start from; none: the discipline's most connected concepts */
  focus: z.array(z.string()).max(200).default([]),
  depth: z.coerce.number().int().min(0).max(4).default(1),
  /** at most this many concepts */
  limit: z.coerce.number().int().min(1).max(5000).default(300),
  discipline: z.string().optional(),
  status: z.array(STATUS).optional(),
  predicate: z.array(z.string()).optional(),
  /** which levels to answer with: chains are left out with ["L1","L2"] */
  level: z.array(z.enum(["L1", "L2", "L3"])).default(["L1", "L2", "L3"]),
});
export type SubgraphInput = z.infer<typeof subgraphInput>;

const EDGE = { id: true, subjectId: true, objectId: true, predicate: true, status: true, evidence: true } as const;

/**
 * A part of the graph for the canvas: breadth-first from the focus, one query per depth level
 * (never one per node), cut at `limit` concepts; relations are those among the kept concepts,
 * chains those whose every step is among the kept relations.
 */
export async function subgraph(db: Db, input: SubgraphInput) {
  const disciplineId = input.discipline ? (await db.discipline.findUniqueOrThrow({ where: { slug: input.discipline }, select: { id: true } })).id : undefined;
  const relFilter = {
    ...(disciplineId ? { disciplineId } : {}),
    ...(input.status?.length ? { status: { in: input.status } } : {}),
    ...(input.predicate?.length ? { predicate: { in: input.predicate } } : {}),
  };
  const seeds = await seedConcepts(db, input, disciplineId);
  const kept = new Set<string>(seeds.slice(0, input.limit));
  let frontier = [...kept];
  let truncated = seeds.length > input.limit;
  for (let d = 0; d < input.depth && frontier.length && !truncated; d++) {
    const edges = await db.relation.findMany({ where: { ...relFilter, OR: [{ subjectId: { in: frontier } }, { objectId: { in: frontier } }] }, select: { subjectId: true, objectId: true } });
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
  const [concepts, relations] = await Promise.all([
    db.concept.findMany({ where: { id: { in: ids } }, select: CONCEPT_SELECT }),
    input.level.includes("L2") || input.level.includes("L3")
      ? db.relation.findMany({ where: { ...relFilter, subjectId: { in: ids }, objectId: { in: ids } }, select: EDGE })
      : [],
  ]);
  const relationIds = new Set(relations.map((r) => r.id));
  const chains = input.level.includes("L3") && relations.length
    ? (await db.chain.findMany({ where: { steps: { some: { relationId: { in: [...relationIds] } } }, ...(input.status?.length ? { status: { in: input.status } } : {}) }, select: CHAIN_SELECT, take: 1000 }))
        .filter((c) => c.steps.every((s) => relationIds.has(s.relation.id)))
    : [];
  return { concepts, relations: input.level.includes("L2") ? relations : [], chains, truncated };
}

/** Focus ids as concepts (a chain contributes the concepts along it), or the most connected concepts. */
async function seedConcepts(db: Db, input: SubgraphInput, disciplineId?: string): Promise<string[]> {
  if (input.focus.length) {
    const [concepts, chains] = await Promise.all([
      db.concept.findMany({ where: { id: { in: input.focus } }, select: { id: true } }),
      db.chain.findMany({ where: { id: { in: input.focus } }, select: { steps: { orderBy: { position: "asc" }, select: { relation: { select: { subjectId: true, objectId: true } } } } } }),
    ]);
    const out = new Set(concepts.map((c) => c.id));
    for (const c of chains) for (const s of c.steps) out.add(s.relation.subjectId).add(s.relation.objectId);
    return [...out];
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Concept" c
    LEFT JOIN (
      SELECT "subjectId" AS id FROM "Relation" ${disciplineId ? P.sql`WHERE "disciplineId" = ${disciplineId}` : P.empty}
      UNION ALL
      SELECT "objectId" FROM "Relation" ${disciplineId ? P.sql`WHERE "disciplineId" = ${disciplineId}` : P.empty}
    ) e ON e.id = c.id
    ${disciplineId ? P.sql`WHERE c."disciplineId" = ${disciplineId}` : P.empty}
    GROUP BY c.id ORDER BY count(e.id) DESC, c.id LIMIT ${input.limit}`;
  return rows.map((r) => r.id);
}
