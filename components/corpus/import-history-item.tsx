"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { RunProgress, StatusBadge } from "@/components/jobs/job-status";
import { toReport, useDisciplineName, type ImportRun } from "@/lib/client/corpus";
import { cx } from "@/lib/client/cx";
import { formatDateTime, formatInt, formatRelative } from "@/lib/client/format";
import { isActiveStatus, jobLabel } from "@/lib/client/jobs";
import { jobHref } from "@/lib/client/url";
import { importCounts } from "@/lib/domain/corpus/import-outcome";
import { ImportReportView } from "./import-report";

type Props = { run: ImportRun; now: number; discipline: string | null; defaultOpen: boolean };

export function ImportHistoryItem({ run, now, discipline, defaultOpen }: Props) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  const report = toReport(run.result);
  const counts = report && importCounts(report);
  const disciplineName = useDisciplineName();
  const active = isActiveStatus(run.status);
  const source = run.payload.source?.kind === "path" ? "Folder" : "Upload";

  return (
    <li data-testid="import-history-item" data-run-id={run.id} data-status={run.status}>
      <div className="flex items-center gap-3 px-4 py-2.5 hover:bg-zinc-50">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
          className="flex min-w-0 flex-1 items-center gap-3 text-left"
        >
          <svg viewBox="0 0 16 16" className={cx("size-3 shrink-0 text-zinc-400 transition-transform", open && "rotate-90")} aria-hidden>
            <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <StatusBadge status={run.status} counts={counts} />
          <span className="min-w-0 truncate font-medium text-zinc-900">{jobLabel(run.payload) ?? "Import"}</span>
          <Badge className="shrink-0">{source}</Badge>
          {run.payload.discipline && <span className="shrink-0 text-xs text-zinc-500">{disciplineName(run.payload.discipline)}</span>}
          <span className="ml-auto hidden shrink-0 items-center gap-3 text-xs text-zinc-500 tabular-nums md:flex">
            {active ? (
              <RunProgress status={run.status} progress={run.progress} className="w-40" />
            ) : (
              report && counts && (
                <>
                  <span>{formatInt(report.documents)} new</span>
                  <span>{formatInt(report.updated)} changed</span>
                  <span>{formatInt(report.chunks)} chunks</span>
                  {counts.errors > 0 && <span className="font-medium text-red-700">{formatInt(counts.errors)} errors</span>}
                </>
              )
            )}
          </span>
        </button>
        <time dateTime={run.createdAt} title={formatDateTime(run.createdAt)} className="w-20 shrink-0 text-right text-xs text-zinc-500">
          {formatRelative(run.createdAt, now)}
        </time>
        <Link href={jobHref(run.id, discipline)} className="shrink-0 text-xs font-medium text-accent-700 hover:underline" data-testid="import-job-link">
          View job
        </Link>
      </div>
      {open && (
        <div id={bodyId} className="space-y-3 border-t border-zinc-100 bg-zinc-50/40 px-4 py-4 pl-10">
          {run.message && <p className="text-xs text-zinc-600">{run.message}</p>}
          {run.error && <ErrorAlert title="The import failed">{run.error}</ErrorAlert>}
          {report ? (
            <ImportReportView report={report} />
          ) : (
            <p className="text-sm text-zinc-500">{active ? "The report fills in as files are processed." : "This import saved no report."}</p>
          )}
        </div>
      )}
    </li>
  );
}
