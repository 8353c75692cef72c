import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { testEndpoint } from "@/lib/server/services/settings/test-endpoint";

/** Sends one tiny completion to the endpoint (by id, or `env`) and reports whether it answered. */
export const POST = defineRoute({
  auth: "endpoints:manage",
  params: z.object({ id: z.string() }),
  handler: async ({ params }) => testEndpoint(db(), params.id),
});
