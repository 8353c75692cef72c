import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { answerFilters, evaluationAnswers } from "@/lib/server/queries/evaluations";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), query: answerFilters, handler: async ({ params, query }) => evaluationAnswers(db(), params.id, query) });
