import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { assignInput } from "@/lib/domain/knowledge/review-queue";
import { assignItems } from "@/lib/server/services/knowledge/assign-reviewer";

/** Assigns items of one level to a reviewer (assigneeId null unassigns), all or nothing. */
export const POST = defineRoute({ auth: "knowledge:approve", body: assignInput, handler: async ({ principal, body }) => assignItems(db(), principal, body) });
