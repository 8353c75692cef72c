import type { Db } from "@/lib/server/db";
import type { JobStatus } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/domain/errors";
import { toPage } from "./pagination";

const runSummary = {
  id: true, type: true, status: true, progress: true, message: true, error: true, attempts: true,
  payload: true, createdAt: true, startedAt: true, finishedAt: true, updatedAt: true, cancelRequestedAt: true,
} as const;

export async function listRuns(db: Db, q: { status?: JobStatus; type?: string; cursor?: string; limit: number }) {
  const rows = await db.jobRun.findMany({
    where: { ...(q.status ? { status: q.status } : {}), ...(q.type ? { type: q.type } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    select: runSummary,
  });
  return toPage(rows, q.limit);
}

/** A run with its result and its last log lines (or those after `afterLogId`, for polling). */
export async function getRun(db: Db, id: string, afterLogId?: string) {
  const run = await db.jobRun.findUnique({ where: { id }, select: { ...runSummary, result: true } });
  if (!run) throw new DomainError("NOT_FOUND", `No job run ${id}`);
  const logs = await db.jobLog.findMany({
    where: { runId: id, ...(afterLogId ? { id: { gt: BigInt(afterLogId) } } : {}) },
    orderBy: { id: "desc" },
    take: 500,
  });
  return { run, logs: logs.reverse().map((l) => ({ id: l.id.toString(), at: l.at, level: l.level, message: l.message })) };
}
