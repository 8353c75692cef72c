import { Prisma, type Db } from "@/lib/server/db";
import type { JobStatus, RunOrigin } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/domain/errors";
import type { ImportCounts } from "@/lib/domain/corpus/import-outcome";
import type { RunCreator } from "@/lib/domain/jobs/run-creator";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { toPage } from "./pagination";

const runSummary = {
  id: true, type: true, status: true, progress: true, message: true, error: true, attempts: true,
  payload: true, createdAt: true, startedAt: true, finishedAt: true, updatedAt: true, cancelRequestedAt: true,
} as const;

type RunRow = Prisma.JobRunGetPayload<{ select: typeof runSummary }>;
type CreatorRow = { origin: RunOrigin | null; userName: string | null; tokenName: string | null };

const creator = (r: CreatorRow): RunCreator => ({ origin: r.origin, user: r.userName, token: r.tokenName });

/**
 * An import's outcome in three counts (lib/domain/corpus/import-outcome.ts), read from its stored
 * report in SQL so the list never carries whole reports (a hundred errors, dropped samples).
 */
const importCountsSql = Prisma.sql`
  CASE WHEN r.type = ${corpusImportJob.name} AND jsonb_typeof(r.result) = 'object' THEN jsonb_build_object(
    'imported', coalesce((r.result->>'documents')::int, 0) + coalesce((r.result->>'updated')::int, 0) + coalesce((r.result->>'unchanged')::int, 0),
    'skipped', CASE WHEN jsonb_typeof(r.result->'skipped') = 'array' THEN jsonb_array_length(r.result->'skipped') ELSE 0 END,
    'errors', CASE WHEN jsonb_typeof(r.result->'errors') = 'array' THEN jsonb_array_length(r.result->'errors') ELSE 0 END
              + coalesce((r.result->>'errorsNotListed')::int, 0)
  ) END`;

/**
 * Newest first, each run with who started it and (for imports) its outcome: one statement per
 * page, keyset-paginated after the cursor run.
 */
/**
 * An import that finished with every file failed: its run succeeded (the job did its work) but
 * the Jobs list shows it as Failed (importFailures), so its status filter must list it there too.
 */
const everyFileFailedSql = Prisma.sql`(
  r.type = ${corpusImportJob.name} AND r.status = 'SUCCEEDED' AND jsonb_typeof(r.result) = 'object'
  AND (CASE WHEN jsonb_typeof(r.result->'errors') = 'array' THEN jsonb_array_length(r.result->'errors') ELSE 0 END) + coalesce((r.result->>'errorsNotListed')::int, 0) > 0
  AND coalesce((r.result->>'documents')::int, 0) + coalesce((r.result->>'updated')::int, 0) + coalesce((r.result->>'unchanged')::int, 0) = 0
  AND (CASE WHEN jsonb_typeof(r.result->'skipped') = 'array' THEN jsonb_array_length(r.result->'skipped') ELSE 0 END) = 0)`;

/** The runs a status tab lists: the status shown, which for an import whose every file failed is Failed. */
function statusFilter(status: JobStatus) {
  if (status === "FAILED") return Prisma.sql`(r.status = 'FAILED' OR ${everyFileFailedSql})`;
  if (status === "SUCCEEDED") return Prisma.sql`(r.status = 'SUCCEEDED' AND NOT ${everyFileFailedSql})`;
  return Prisma.sql`r.status = ${status}::"JobStatus"`;
}

export async function listRuns(db: Db, q: { status?: JobStatus; type?: string; cursor?: string; limit: number }) {
  const where = [
    ...(q.status ? [statusFilter(q.status)] : []),
    ...(q.type ? [Prisma.sql`r.type = ${q.type}`] : []),
    ...(q.cursor ? [Prisma.sql`(r."createdAt", r.id) < (SELECT c."createdAt", c.id FROM "JobRun" c WHERE c.id = ${q.cursor})`] : []),
  ];
  const rows = await db.$queryRaw<(RunRow & CreatorRow & { importCounts: ImportCounts | null })[]>`
    SELECT r.id, r.type, r.status::text AS status, r.progress, r.message, r.error, r.attempts, r.payload,
           r."createdAt", r."startedAt", r."finishedAt", r."updatedAt", r."cancelRequestedAt",
           r.origin::text AS origin, u.name AS "userName", t.name AS "tokenName", ${importCountsSql} AS "importCounts"
    FROM "JobRun" r
    LEFT JOIN "user" u ON u.id = r."createdById"
    LEFT JOIN "ApiToken" t ON t.id = r."createdByTokenId"
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${q.limit + 1}`;
  const items = rows.map(({ origin, userName, tokenName, ...run }) => ({ ...run, createdBy: creator({ origin, userName, tokenName }) }));
  return toPage(items, q.limit);
}

/** A run with its result and its last log lines (or those after `afterLogId`, for polling). */
export async function getRun(db: Db, id: string, afterLogId?: string) {
  const row = await db.jobRun.findUnique({
    where: { id },
    select: { ...runSummary, result: true, parentRunId: true, origin: true, createdBy: { select: { name: true } }, createdByToken: { select: { name: true } } },
  });
  if (!row) throw new DomainError("NOT_FOUND", `No job run ${id}`);
  const { origin, createdBy, createdByToken, ...run } = row;
  // A loop run's stages are runs of their own: listed with it, in the order they ran.
  const children = await db.jobRun.findMany({ where: { parentRunId: id }, orderBy: { createdAt: "asc" }, select: { id: true, type: true, status: true, progress: true } });
  const logs = await db.jobLog.findMany({
    where: { runId: id, ...(afterLogId ? { id: { gt: BigInt(afterLogId) } } : {}) },
    orderBy: { id: "desc" },
    take: 500,
  });
  return {
    run: { ...run, createdBy: creator({ origin, userName: createdBy?.name ?? null, tokenName: createdByToken?.name ?? null }) },
    children,
    logs: logs.reverse().map((l) => ({ id: l.id.toString(), at: l.at, level: l.level, message: l.message })),
  };
}
