import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listRuns } from "@/lib/server/queries/jobs";
import { pageQuery } from "@/lib/server/queries/pagination";

export const GET = defineRoute({
  auth: "workspace:read",
  query: pageQuery.extend({
    status: z.enum(["QUEUED", "RUNNING", "WAITING", "SUCCEEDED", "FAILED", "CANCELLED"]).optional(),
    type: z.string().optional(),
  }),
  handler: async ({ query }) => listRuns(db(), query),
});
