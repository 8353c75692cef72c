import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { patchDetail } from "@/lib/server/queries/debugger";
import { editPatch, editPatchInput } from "@/lib/server/services/debugger/review-patch";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), handler: async ({ params }) => patchDetail(db(), params.id) });

/** An edit of the patch's content, based on `version`: 409 with the latest when someone saved meanwhile. */
export const PUT = defineRoute({ auth: "patches:edit", params: z.object({ id: z.string() }), body: editPatchInput, handler: async ({ params, body, principal }) => editPatch(db(), principal, params.id, body) });
