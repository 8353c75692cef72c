import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { getRun } from "@/lib/server/queries/jobs";

export const GET = defineRoute({
  auth: "workspace:read",
  params: z.object({ id: z.string() }),
  query: z.object({ afterLogId: z.string().regex(/^\d+$/).optional() }),
  handler: async ({ params, query }) => getRun(db(), params.id, query.afterLogId),
});
