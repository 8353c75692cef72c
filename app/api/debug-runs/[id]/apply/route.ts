import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { applyPatches } from "@/lib/server/services/debugger/apply-patches";

/** V2 = V1 + the approved patches: the next version of the debugged model's training set (201). */
export const POST = defineRoute({ auth: "training-sets:build", params: z.object({ id: z.string() }), status: 201, handler: async ({ params, principal }) => applyPatches(db(), principal, params.id) });
