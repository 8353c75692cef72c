import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { createToken, createTokenInput, listTokens } from "@/lib/server/services/auth/api-tokens";

export const GET = defineRoute({ auth: "account:manage-own", handler: async ({ principal }) => ({ items: await listTokens(db(), principal) }) });

/** The answer is the only place the token ever appears in plain text. */
export const POST = defineRoute({
  auth: "account:manage-own",
  body: createTokenInput,
  status: 201,
  handler: async ({ principal, body, ip }) => createToken(db(), principal, body, ip),
});
