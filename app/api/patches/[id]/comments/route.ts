import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { addPatchComment, listPatchComments, patchCommentInput, patchThreadQuery } from "@/lib/server/services/debugger/patch-thread";

const params = z.object({ id: z.string() });

export const GET = defineRoute({ auth: "workspace:read", params, query: patchThreadQuery, handler: async ({ params, query }) => listPatchComments(db(), params.id, query) });

export const POST = defineRoute({ auth: "patches:edit", params, body: patchCommentInput, status: 201, handler: async ({ params, body, principal }) => addPatchComment(db(), principal, params.id, body) });
