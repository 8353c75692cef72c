import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { assignForReview, assignInput } from "@/lib/server/services/debugger/assign";

/** Assigns the failure trace to an annotator, or unassigns it (`assigneeId: null`). */
export const PUT = defineRoute({ auth: "traces:review", params: z.object({ id: z.string() }), body: assignInput, handler: async ({ params, body, principal }) => assignForReview(db(), principal, "trace", params.id, body) });
