import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { COMMENT_MAX_CHARS, commentThreadView } from "@/lib/domain/knowledge/review-queue";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { audit } from "@/lib/server/services/auth/audit";
import { COMMENT, toView } from "@/lib/server/services/knowledge/comments";

export const patchThreadQuery = z.object({
  cursor: z.string().regex(/^\d{1,19}$/, "must be the nextCursor of a previous page").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const patchCommentInput = z.object({ text: z.string().trim().min(1, "write something").max(COMMENT_MAX_CHARS, `at most ${COMMENT_MAX_CHARS} characters`) });

async function assertPatch(db: Db, id: string) {
  const patch = await db.patch.findUnique({ where: { id }, select: { id: true } });
  if (!patch) throw new DomainError("NOT_FOUND", `No patch ${id}`);
  return patch;
}

/** A patch's comments, oldest first, in keyset pages; the same view as the knowledge threads. */
export async function listPatchComments(db: Db, patchId: string, q: z.infer<typeof patchThreadQuery>) {
  await assertPatch(db, patchId);
  const rows = await db.patchComment.findMany({ where: { patchId, ...(q.cursor ? { id: { gt: BigInt(q.cursor) } } : {}) }, orderBy: { id: "asc" }, take: q.limit + 1, select: COMMENT });
  const items = rows.slice(0, q.limit).map(toView);
  return commentThreadView.parse({ items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null });
}

export async function addPatchComment(db: Db, actor: Principal | null, patchId: string, input: z.infer<typeof patchCommentInput>) {
  await assertPatch(db, patchId);
  const comment = await db.patchComment.create({ data: { patchId, authorId: actor?.userId ?? null, text: input.text }, select: COMMENT });
  await audit(db, { action: "patch.commented", actor, target: { type: "patch", id: patchId }, details: { commentId: comment.id.toString(), excerpt: input.text.slice(0, 120) } });
  return toView(comment);
}
