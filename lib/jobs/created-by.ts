import type { RunOrigin } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/server/auth/principal";

/** Who a new run is recorded as started by (JobRun.origin, createdById, createdByTokenId). */
export type CreatedBy = { origin: RunOrigin; createdById?: string; createdByTokenId?: string };

/** The caller of a request: a signed-in user, or a script with one of a user's API tokens. */
export const createdBy = (p: Principal): CreatedBy =>
  p.via === "token" ? { origin: "API_TOKEN", createdById: p.userId, createdByTokenId: p.tokenId } : { origin: "STUDIO", createdById: p.userId };

/** The local `proda` CLI acts as the local admin, who is no user of the studio. */
export const BY_CLI: CreatedBy = { origin: "CLI" };
/** Runs no person asked for (and tests of the job machinery). */
export const BY_SYSTEM: CreatedBy = { origin: "SYSTEM" };
