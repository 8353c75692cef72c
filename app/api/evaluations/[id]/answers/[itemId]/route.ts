import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { answerDetail } from "@/lib/server/queries/evaluations";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string(), itemId: z.string() }), handler: async ({ params }) => answerDetail(db(), params.id, params.itemId) });
