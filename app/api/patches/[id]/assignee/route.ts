import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { assignPatch, patchAssignInput } from "@/lib/server/services/debugger/patch-thread";

/** Assigns the patch to an annotator, or unassigns it (`assigneeId: null`). */
export const PUT = defineRoute({ auth: "patches:approve", params: z.object({ id: z.string() }), body: patchAssignInput, handler: async ({ params, body, principal }) => assignPatch(db(), principal, params.id, body) });
