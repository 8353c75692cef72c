import { DomainError } from "@/lib/domain/errors";
import { LEVEL_RANK, queuePageView, reviewLevel, type QueuePage, type QueueQuery, type ReviewLevel } from "@/lib/domain/knowledge/review-queue";
import type { Db } from "@/lib/server/db";
import { Prisma as P } from "@/lib/server/db";

/** Whose drafts: anyone's, nobody's yet, or one user's (the route turns "me" into the caller's id). */
export type AssigneeFilter = { kind: "anyone" } | { kind: "none" } | { kind: "user"; id: string };

/** The assignee filter of a query string: "me" is whoever asks (null: nobody is signed in, as the CLI without --as). */
export function assigneeFilter(value: string, me: string | null): AssigneeFilter {
  if (value === "anyone" || value === "none") return { kind: value };
  if (value !== "me") return { kind: "user", id: value };
  if (!me) throw new DomainError("BAD_INPUT", "“me” needs someone signed in", { fields: [{ field: "assignee", message: "no one to be “me”" }] });
  return { kind: "user", id: me };
}

type Input = Omit<QueueQuery, "assignee"> & { assignee: AssigneeFilter };

type Row = { level: ReviewLevel; id: string; status: string; label: string; concepts: string[]; focus: string; assigneeId: string | null; assigneeName: string | null; assigneeEmail: string | null; comments: number };

/** The item column of the review tables (assignment, comment) for each level. */
export const ITEM_COLUMN = { concept: "conceptId", relation: "relationId", chain: "chainId" } as const satisfies Record<ReviewLevel, string>;

/**
 * Per level, what a queue row is made of. `t` is the item's table; the columns of the row come
 * from it and the joins here (a relation's ends name it; a chain's steps give its concepts).
 */
const LEVEL_SQL: Record<ReviewLevel, { table: P.Sql; label: P.Sql; concepts: P.Sql; focus: P.Sql; joins: P.Sql }> = {
  concept: { table: P.sql`"Concept"`, label: P.sql`t.name`, concepts: P.sql`ARRAY[t.id]`, focus: P.sql`t.id`, joins: P.empty },
  relation: {
    table: P.sql`"Relation"`,
    label: P.sql`s.name || ' ' || t.predicate || ' ' || o.name`,
    concepts: P.sql`ARRAY[t."subjectId", t."objectId"]`,
    focus: P.sql`t."subjectId"`,
    joins: P.sql`JOIN "Concept" s ON s.id = t."subjectId" JOIN "Concept" o ON o.id = t."objectId"`,
  },
  chain: {
    table: P.sql`"Chain"`,
    label: P.sql`coalesce(t.summary, 'a chain of ' || (SELECT count(*) FROM "ChainStep" cs WHERE cs."chainId" = t.id) || ' steps')`,
    concepts: P.sql`(SELECT coalesce(array_agg(e.id ORDER BY cs.position, e.side), '{}') FROM "ChainStep" cs JOIN "Relation" sr ON sr.id = cs."relationId"
      CROSS JOIN LATERAL (VALUES (sr."subjectId", 0), (sr."objectId", 1)) AS e(id, side) WHERE cs."chainId" = t.id)`,
    // A chain as the focus seeds the subgraph with every concept along it, so the whole path is drawn.
    focus: P.sql`t.id`,
    joins: P.empty,
  },
};

/** The conditions every level shares: drafts, of the discipline, by assignee. */
function matching(level: ReviewLevel, disciplineId: string | null, assignee: AssigneeFilter): P.Sql {
  const col = P.raw(`"${ITEM_COLUMN[level]}"`);
  const where = [P.sql`t.status = 'DRAFT'`];
  if (disciplineId) where.push(P.sql`t."disciplineId" = ${disciplineId}`);
  if (assignee.kind === "none") where.push(P.sql`NOT EXISTS (SELECT 1 FROM "ReviewAssignment" x WHERE x.${col} = t.id)`);
  if (assignee.kind === "user") where.push(P.sql`EXISTS (SELECT 1 FROM "ReviewAssignment" x WHERE x.${col} = t.id AND x."assigneeId" = ${assignee.id})`);
  return P.join(where, " AND ");
}

/** One level's part of a page: its first `take` drafts after the cursor, in id order (index (disciplineId, status, id)). */
function levelPage(level: ReviewLevel, filter: P.Sql, after: string | null, take: number): P.Sql {
  const q = LEVEL_SQL[level];
  const col = P.raw(`"${ITEM_COLUMN[level]}"`);
  return P.sql`(SELECT ${LEVEL_RANK[level]}::int AS rank, ${level}::text AS level, t.id, t.status::text AS status, ${q.label} AS label, ${q.concepts} AS concepts, ${q.focus} AS focus,
      u.id AS "assigneeId", u.name AS "assigneeName", u.email AS "assigneeEmail",
      (SELECT count(*) FROM "ReviewComment" rc WHERE rc.${col} = t.id)::int AS comments
    FROM ${q.table} t ${q.joins}
    LEFT JOIN "ReviewAssignment" a ON a.${col} = t.id LEFT JOIN "user" u ON u.id = a."assigneeId"
    WHERE ${filter} ${after ? P.sql`AND t.id > ${after}` : P.empty}
    ORDER BY t.id LIMIT ${take})`;
}

/**
 * A keyset page of the review queue: draft items of the chosen levels, concepts first, then
 * relations, then chains (what the others are built from comes first), each in id order; with
 * the total and the count per level under the same filters. Each level reads at most one page
 * more than asked, by index, however long the queue.
 */
export async function reviewQueue(db: Db, input: Input): Promise<QueuePage> {
  const disciplineId = input.discipline ? await disciplineIdFor(db, input.discipline) : null;
  if (input.assignee.kind === "user" && !(await db.user.findUnique({ where: { id: input.assignee.id }, select: { id: true } }))) {
    throw new DomainError("BAD_INPUT", "No user with this id", { fields: [{ field: "assignee", message: "is not a user" }] });
  }
  const levels = input.level === "all" ? reviewLevel.options : [input.level];
  const [cursorLevel, cursorId] = input.cursor ? (input.cursor.split(/:(.*)/s) as [ReviewLevel, string]) : [null, null];
  const parts = levels
    .filter((l) => !cursorLevel || LEVEL_RANK[l] >= LEVEL_RANK[cursorLevel])
    .map((l) => levelPage(l, matching(l, disciplineId, input.assignee), l === cursorLevel ? cursorId : null, input.limit + 1));
  const counts = reviewLevel.options.map((l) => P.sql`(SELECT count(*) FROM ${LEVEL_SQL[l].table} t WHERE ${matching(l, disciplineId, input.assignee)})::int AS ${P.raw(l)}`);
  const [rows, [byLevel]] = await Promise.all([
    // Merged in the database, so the order across levels is the same collation as the keyset's `id >`.
    parts.length ? db.$queryRaw<Row[]>`SELECT * FROM (${P.join(parts, " UNION ALL ")}) q ORDER BY rank, id LIMIT ${input.limit + 1}` : Promise.resolve([]),
    db.$queryRaw<Record<ReviewLevel, number>[]>`SELECT ${P.join(counts, ", ")}`,
  ]);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return queuePageView.parse({
    items: page.map((r) => ({
      level: r.level,
      id: r.id,
      status: r.status,
      label: r.label,
      concepts: [...new Set(r.concepts)],
      focus: r.focus,
      assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName, email: r.assigneeEmail } : null,
      comments: r.comments,
    })),
    total: levels.reduce((n, l) => n + byLevel[l], 0),
    byLevel,
    nextCursor: rows.length > input.limit ? `${last.level}:${last.id}` : null,
  });
}

async function disciplineIdFor(db: Db, slug: string): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Discipline" WHERE slug = ${slug}`;
  if (!row) throw new DomainError("BAD_INPUT", `No discipline "${slug}"`, { fields: [{ field: "discipline", message: "does not exist" }] });
  return row.id;
}
