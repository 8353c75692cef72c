import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { reviewInput, reviewItems } from "@/lib/server/services/knowledge/review";

/** Approve, reject or reset items of one level, singly or in bulk, all or nothing. */
export const POST = defineRoute({ auth: "knowledge:approve", body: reviewInput, handler: async ({ principal, body }) => reviewItems(db(), principal, body) });
