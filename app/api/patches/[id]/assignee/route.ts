import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { assignForReview, assignInput } from "@/lib/server/services/debugger/assign";

/** Assigns the patch to an annotator, or unassigns it (`assigneeId: null`). */
export const PUT = defineRoute({ auth: "patches:approve", params: z.object({ id: z.string() }), body: assignInput, handler: async ({ params, body, principal }) => assignForReview(db(), principal, "patch", params.id, body) });
