import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { retryRun } from "@/lib/server/services/jobs/control-run";

export const POST = defineRoute({
  auth: "jobs:control",
  status: 202,
  params: z.object({ id: z.string() }),
  handler: async ({ params }) => retryRun(db(), params.id),
});
