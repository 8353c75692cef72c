"use client";

import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { RunProgress, StatusBadge } from "@/components/jobs/job-status";
import { errorMessage } from "@/lib/client/api";
import { toReport, useTrackedImport } from "@/lib/client/corpus";
import { isActiveStatus, jobLabel } from "@/lib/client/jobs";
import { jobHref } from "@/lib/client/url";
import { importCounts } from "@/lib/domain/corpus/import-outcome";
import { ImportReportView } from "./import-report";

/** Live progress of the import just started here, then its report. */
export function ImportRunStatus({ runId, discipline }: { runId: string; discipline: string | null }) {
  const { data, error } = useTrackedImport(runId);
  const run = data?.run;
  const report = toReport(run?.result);
  const counts = report && importCounts(report);

  return (
    <div className="mt-4 space-y-3 border-t border-zinc-200 pt-4" data-testid="import-run" aria-live="polite">
      <div className="flex items-center justify-between gap-3">
        <h3 className="min-w-0 truncate text-xs font-medium text-zinc-500">
          {run && isActiveStatus(run.status) ? "Importing" : "Import"}{" "}
          <span className="font-mono text-zinc-800">{run ? (jobLabel(run.payload) ?? "files") : "…"}</span>
        </h3>
        <Link href={jobHref(runId, discipline)} className="shrink-0 text-xs font-medium text-accent-700 hover:underline" data-testid="import-job-link">
          View job
        </Link>
      </div>
      {error ? (
        <ErrorAlert>{errorMessage(error)}</ErrorAlert>
      ) : !run ? (
        <Skeleton className="h-5 w-full" />
      ) : (
        <>
          <div className="flex items-center gap-3">
            <StatusBadge status={run.status} counts={counts} />
            <RunProgress status={run.status} counts={counts} progress={run.progress} className="flex-1" />
          </div>
          <p className="h-5 truncate text-xs text-zinc-600" title={run.message ?? undefined}>
            {run.message}
          </p>
          {run.error && <ErrorAlert title="The import failed">{run.error}</ErrorAlert>}
          {!isActiveStatus(run.status) && report && <ImportReportView report={report} />}
        </>
      )}
    </div>
  );
}
