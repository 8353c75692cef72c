import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db, type Db } from "@/lib/server/db";
import { derivedKey } from "@/lib/server/secrets";

export const SESSION_DAYS = 7;
export const MIN_PASSWORD = 10;

function createAuth(client: Db) {
  return betterAuth({
    appName: "ProDa Studio",
    // Our routes call better-auth's API in-process; its own HTTP handler is not mounted, so the
    // base URL only names the app (cookies are host-only either way).
    baseURL: process.env.PRODA_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    secret: derivedKey("sessions").toString("base64url"),
    database: prismaAdapter(client, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts come from the first-run setup, invitations and admins, never from sign-up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD,
      maxPasswordLength: 256,
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    user: {
      additionalFields: {
        role: { type: "string", input: false },
        active: { type: "boolean", input: false },
      },
    },
    // Sign-in attempts are limited by our own Postgres-backed limiter (lib/server/auth/sign-in.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: { cookiePrefix: "proda" },
  });
}

export type Auth = ReturnType<typeof createAuth>;
const cache = globalThis as unknown as { prodaAuth?: { client: Db; auth: Auth } };

/** The better-auth instance bound to the process's database client. */
export function auth(): Auth {
  const client = db();
  if (cache.prodaAuth?.client !== client) cache.prodaAuth = { client, auth: createAuth(client) };
  return cache.prodaAuth.auth;
}
