import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { instanceFilters, trainingInstances } from "@/lib/server/queries/builder";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), query: instanceFilters, handler: async ({ params, query }) => trainingInstances(db(), params.id, query) });
