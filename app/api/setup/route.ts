import { defineRoute, jsonWithCookies } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { createFirstAdmin, setupInput } from "@/lib/server/services/auth/setup";
import { signIn } from "@/lib/server/services/auth/sign-in";

/** First run only: creates the admin account and signs it in; 409 once any user exists. */
export const POST = defineRoute({
  auth: "public",
  body: setupInput,
  status: 201,
  handler: async ({ body, ip }) => {
    await createFirstAdmin(db(), body, ip);
    const { user, cookies } = await signIn(db(), body, ip);
    return jsonWithCookies({ user }, cookies, 201);
  },
});
