import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listTraces, traceFilters } from "@/lib/server/queries/debugger";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), query: traceFilters, handler: async ({ params, query, principal }) => listTraces(db(), params.id, query, principal?.userId ?? null) });
