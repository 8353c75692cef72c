import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { commentInput } from "@/lib/domain/knowledge/review-queue";
import { addComment, listComments, threadQuery } from "@/lib/server/services/knowledge/comments";

/** An item's comment thread, oldest first. */
export const GET = defineRoute({ auth: "workspace:read", query: threadQuery, handler: async ({ query }) => listComments(db(), query) });

export const POST = defineRoute({ auth: "knowledge:edit", body: commentInput, status: 201, handler: async ({ principal, body }) => addComment(db(), principal, body) });
