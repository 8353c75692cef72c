import { defineRoute, jsonWithCookies } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { changePassword, changePasswordInput } from "@/lib/server/services/auth/password";

export const POST = defineRoute({
  auth: "account:manage-own",
  body: changePasswordInput,
  handler: async ({ req, principal, body, ip }) => jsonWithCookies({ ok: true }, await changePassword(db(), principal, req.headers, body, ip)),
});
