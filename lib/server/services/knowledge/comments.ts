import { z } from "zod";
import { commentThreadView, reviewLevel, type commentInput } from "@/lib/domain/knowledge/review-queue";
import type { Db } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { audit } from "@/lib/server/services/auth/audit";
import { assertItemsExist, itemRef } from "./review-items";

export const COMMENT = { id: true, text: true, createdAt: true, author: { select: { id: true, name: true, email: true } } } as const;

export const toView = (c: { id: bigint; text: string; createdAt: Date; author: { id: string; name: string; email: string } | null }) => ({ ...c, id: c.id.toString(), createdAt: c.createdAt.toISOString() });

export const threadQuery = z.object({
  level: reviewLevel,
  id: z.string().min(1),
  cursor: z.string().regex(/^\d{1,19}$/, "must be the nextCursor of a previous page").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** An item's comments, oldest first, in keyset pages (comment ids rise with time). */
export async function listComments(db: Db, q: z.infer<typeof threadQuery>) {
  const rows = await db.reviewComment.findMany({
    where: { ...itemRef(q.level, q.id), ...(q.cursor ? { id: { gt: BigInt(q.cursor) } } : {}) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: COMMENT,
  });
  const items = rows.slice(0, q.limit).map(toView);
  return commentThreadView.parse({ items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null });
}

/** Adds a comment to an item's thread, with an audit event. `actor` null is the CLI acting as the local admin. */
export async function addComment(db: Db, actor: Principal | null, input: z.infer<typeof commentInput>) {
  return db.$transaction(async (tx) => {
    await assertItemsExist(tx, input.level, [input.id], "id");
    const comment = await tx.reviewComment.create({ data: { ...itemRef(input.level, input.id), authorId: actor?.userId ?? null, text: input.text }, select: COMMENT });
    // The log keeps the gist; the thread keeps the text.
    await audit(tx, { action: "knowledge.commented", actor, target: { type: input.level, id: input.id }, details: { commentId: comment.id.toString(), excerpt: input.text.slice(0, 120) } });
    return toView(comment);
  });
}
