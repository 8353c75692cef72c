import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { revokeToken } from "@/lib/server/services/auth/api-tokens";

export const DELETE = defineRoute({
  auth: "account:manage-own",
  params: z.object({ id: z.string() }),
  handler: async ({ principal, params, ip }) => revokeToken(db(), principal, params.id, ip),
});
