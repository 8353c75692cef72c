"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { JsonView } from "@/components/ui/json-view";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime, runDuration } from "@/lib/client/format";
import { isActiveStatus, jobLabel, jobTitle, useJobRun, type JobRunResponse } from "@/lib/client/jobs";
import { useEscapeKey } from "@/lib/client/use-escape-key";
import { useNow } from "@/lib/client/use-now";
import { JobActions } from "./job-actions";
import { JobLogs } from "./job-logs";
import { toReport, useDisciplineName } from "@/lib/client/corpus";
import { importCounts } from "@/lib/domain/corpus/import-outcome";
import { creatorLabel } from "@/lib/domain/jobs/run-creator";
import { timeLeft } from "@/lib/domain/jobs/time-left";
import { RunProgress, StatusBadge } from "./job-status";
import { StageRuns } from "./stage-runs";

type Props = { id: string; onClose: () => void };

/** A slide-over beside the table (not a modal): the list stays usable while a run is inspected. */
export function JobDetailPanel({ id, onClose }: Props) {
  const { data, error, isPending } = useJobRun(id);
  const disciplineName = useDisciplineName();

  useEscapeKey(onClose);

  return (
    <aside
      aria-label="Job details"
      data-testid="job-detail"
      className="fixed top-14 right-0 bottom-0 z-30 flex w-full max-w-xl flex-col border-l border-zinc-200 bg-white shadow-2xl shadow-zinc-900/10"
    >
      <header className="flex shrink-0 items-start justify-between gap-3 border-b border-zinc-200 px-5 py-3.5">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold text-zinc-900">{data ? jobTitle(data.run.type) : "Job"}</h2>
          <p className="mt-0.5 truncate font-mono text-xs text-zinc-500">{data ? (jobLabel(data.run.payload, data.run.type, disciplineName) ?? id) : id}</p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close job details"
          className="-mr-1.5 rounded-md p-1.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
        >
          <svg viewBox="0 0 16 16" className="size-4" aria-hidden>
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="flex-1 overflow-y-auto px-5 py-4">
        {isPending ? (
          <div className="space-y-3">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : error ? (
          <ErrorAlert title="Could not load this job">{errorMessage(error)}</ErrorAlert>
        ) : (
          <RunDetail key={data.run.id} data={data} />
        )}
      </div>
    </aside>
  );
}

function RunDetail({ data: { run, logs, children } }: { data: JobRunResponse }) {
  const active = isActiveStatus(run.status);
  const now = useNow(active ? 1000 : false);
  const report = run.type === "corpus-import" ? toReport(run.result) : null;
  const counts = report && importCounts(report);
  const timings: [string, string][] = [
    ["Started by", creatorLabel(run.createdBy)],
    ["Created", formatDateTime(run.createdAt)],
    ["Started", formatDateTime(run.startedAt)],
    // While it runs, what is left matters more than when it will have finished.
    run.status === "RUNNING" ? ["Time left", timeLeft(run.startedAt, run.progress, now)] : ["Finished", formatDateTime(run.finishedAt)],
    ["Duration", runDuration(run.startedAt, run.finishedAt, now)],
    ["Attempts", String(run.attempts)],
    ["Run id", run.id],
  ];

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <div className="flex items-center gap-3">
          <StatusBadge status={run.status} counts={counts} />
          <RunProgress status={run.status} counts={counts} progress={run.progress} className="flex-1" />
        </div>
        {run.message && <p className="text-sm text-zinc-600" data-testid="job-message">{run.message}</p>}
      </div>

      <JobActions run={run} />

      {run.error && (
        <ErrorAlert title="Error" data-testid="job-error">
          <pre className="font-mono text-xs whitespace-pre-wrap">{run.error}</pre>
        </ErrorAlert>
      )}

      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-md bg-zinc-50 px-4 py-3">
        {timings.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className={label === "Run id" ? "truncate font-mono text-xs leading-5 text-zinc-700" : "text-sm text-zinc-800 tabular-nums"} data-testid={`job-${label.toLowerCase().replace(/ /g, "-")}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <StageRuns parentRunId={run.parentRunId} runs={children} />

      <section aria-label="Result" className="space-y-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Result</h3>
        {run.result == null ? (
          <p className="text-sm text-zinc-500">{active ? "The result appears as the job reports it." : "This job saved no result."}</p>
        ) : (
          <JsonView label="Result JSON" value={run.result} defaultOpen data-testid="job-result" />
        )}
        <JsonView label="Payload" value={run.payload} />
      </section>

      <section aria-label="Logs" className="space-y-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Logs</h3>
        <JobLogs logs={logs} live={active} />
      </section>
    </div>
  );
}
