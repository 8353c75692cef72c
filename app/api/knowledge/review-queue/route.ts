import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { queueQuery } from "@/lib/domain/knowledge/review-queue";
import { assigneeFilter, reviewQueue } from "@/lib/server/queries/review-queue";

/** Draft concepts, relations and chains to review, by level and assignee, in keyset pages with the total. */
export const GET = defineRoute({
  auth: "workspace:read",
  query: queueQuery,
  handler: async ({ principal, query }) => reviewQueue(db(), { ...query, assignee: assigneeFilter(query.assignee, principal.userId) }),
});
