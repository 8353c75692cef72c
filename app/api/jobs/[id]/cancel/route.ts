import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { cancelRun } from "@/lib/server/services/jobs/control-run";

export const POST = defineRoute({
  auth: "jobs:control",
  params: z.object({ id: z.string() }),
  handler: async ({ params }) => cancelRun(db(), params.id),
});
