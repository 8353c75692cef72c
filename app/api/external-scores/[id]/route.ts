import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { deleteExternalScore } from "@/lib/server/services/dashboards/external-scores";

export const DELETE = defineRoute({ auth: "external-scores:edit", params: z.object({ id: z.string() }), handler: async ({ params }) => deleteExternalScore(db(), params.id) });
