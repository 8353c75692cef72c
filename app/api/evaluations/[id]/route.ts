import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { evaluationDetail } from "@/lib/server/queries/evaluations";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), handler: async ({ params }) => evaluationDetail(db(), params.id) });
