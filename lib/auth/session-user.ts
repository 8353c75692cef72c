import type { Role } from "./roles";

/** What the browser knows of the signed-in user. */
export type SessionUser = { id: string; name: string; email: string; role: Role };
