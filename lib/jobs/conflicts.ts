import type { Prisma } from "@/lib/server/db";
import { DomainError } from "@/lib/domain/errors";
import { jobTitle } from "./registry";
import { LIVE_STATUSES } from "./run-lease";

const scopeOf = (key: string) => key.slice(0, key.lastIndexOf(":") + 1);

/** "scope:part" keys overlap when equal, or when either is "scope:*" (the whole scope) of the same scope. */
export function keysOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const scope = scopeOf(a);
  return scope !== "" && scope === scopeOf(b) && (a === `${scope}*` || b === `${scope}*`);
}

/**
 * Refuses (409, naming the run) to start a run whose conflict key overlaps a live run's. The
 * policy is to refuse rather than wait: a user who asked for a forced re-extraction should learn
 * that another one is rebuilding the same structure, and choose to wait for it or cancel it.
 * An advisory lock per scope, held to the end of `tx`, makes check-and-insert atomic, so two
 * requests at once cannot both pass.
 */
export async function assertNoConflict(tx: Prisma.TransactionClient, key: string, self?: string) {
  const scope = scopeOf(key) || key;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`proda-job-conflict:${scope}`}))`;
  const live = await tx.jobRun.findMany({
    where: { conflictKey: { startsWith: scope }, status: { in: [...LIVE_STATUSES] }, ...(self ? { id: { not: self } } : {}) },
    select: { id: true, type: true, status: true, progress: true, conflictKey: true, payload: true },
    orderBy: { createdAt: "asc" },
  });
  const other = live.find((r) => r.conflictKey && keysOverlap(r.conflictKey, key));
  if (!other) return;
  const state = other.status === "RUNNING" ? `running (${Math.round(other.progress * 100)}%)` : other.status.toLowerCase();
  // People know a run by its label ("Extract Biology"); the key holds slugs, so it stays in the details.
  const label = (other.payload as { label?: unknown } | null)?.label;
  const name = typeof label === "string" && label ? `“${label}” (${jobTitle(other.type)} run ${other.id})` : `${jobTitle(other.type)} run ${other.id}`;
  throw new DomainError(
    "CONFLICT",
    `${name} is ${state} on the same data; wait for it to finish or cancel it, then start this again`,
    { runId: other.id, status: other.status, conflictKey: other.conflictKey },
  );
}
