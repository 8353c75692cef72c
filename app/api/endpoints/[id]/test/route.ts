import { z } from "zod";
import { testConnection } from "@/lib/adapters/llm/openai-compatible";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";

/** Sends one tiny completion to the endpoint (by id, or `env`) and reports whether it answered. */
export const POST = defineRoute({
  auth: "endpoints:manage",
  params: z.object({ id: z.string() }),
  handler: async ({ params }) => {
    const name = params.id === "env" ? "env" : (await db().endpoint.findUniqueOrThrow({ where: { id: params.id }, select: { name: true } })).name;
    return testConnection(await resolveEndpoint(db(), name));
  },
});
