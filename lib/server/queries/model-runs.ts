import type { Db } from "@/lib/server/db";

/** What the studio shows of a run behind a fine-tune or an evaluation: its job's live state. */
export const RUN_STATE = { id: true, status: true, progress: true, message: true, error: true, createdAt: true } as const;

/** The job runs of these ids, by id: one query for a whole list. */
export async function runsById(db: Db, ids: (string | null)[]) {
  const wanted = ids.filter((id): id is string => !!id);
  if (!wanted.length) return new Map<string, Awaited<ReturnType<typeof pendingRuns>>[number]>();
  const runs = await db.jobRun.findMany({ where: { id: { in: wanted } }, select: { ...RUN_STATE, payload: true } });
  return new Map(runs.map((r) => [r.id, r]));
}

/**
 * Runs of a job type that are live but have not written their row yet (a queued fine-tune or
 * evaluation): listed so what was just launched shows at once, not when a worker takes it.
 */
export async function pendingRuns(db: Db, type: string, seen: ReadonlySet<string>) {
  const live = await db.jobRun.findMany({
    where: { type, status: { in: ["QUEUED", "RUNNING", "WAITING"] } },
    orderBy: { createdAt: "desc" },
    select: { ...RUN_STATE, payload: true },
  });
  return live.filter((r) => !seen.has(r.id));
}
