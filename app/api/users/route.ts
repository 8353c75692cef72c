import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { createUser, createUserInput, listUsers } from "@/lib/server/services/auth/users";

export const GET = defineRoute({ auth: "users:manage", handler: async () => ({ items: await listUsers(db()) }) });

export const POST = defineRoute({
  auth: "users:manage",
  body: createUserInput,
  status: 201,
  handler: async ({ principal, body, ip }) => createUser(db(), principal, body, ip),
});
