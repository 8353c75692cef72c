import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { traceDetail } from "@/lib/server/queries/debugger";
import { reviewTrace, reviewTraceInput } from "@/lib/server/services/debugger/launch-debug";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), handler: async ({ params }) => traceDetail(db(), params.id) });

export const PATCH = defineRoute({ auth: "traces:review", params: z.object({ id: z.string() }), body: reviewTraceInput, handler: async ({ params, body }) => reviewTrace(db(), params.id, body) });
