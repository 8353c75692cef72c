"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { isActiveStatus, useJobRun } from "@/lib/client/jobs";
import { jobHref } from "@/lib/client/url";
import { RunProgress, StatusBadge } from "./job-status";

/** Follows a job a panel started: status, progress, message, error; calls `onDone` once it ends. */
export function RunFollower({ runId, discipline, onDone, "data-testid": testId }: { runId: string; discipline: string | null; onDone?: (result: unknown, status: string) => void; "data-testid"?: string }) {
  const run = useJobRun(runId).data?.run;
  const reported = useRef(false);
  const finished = !!run && !isActiveStatus(run.status);
  useEffect(() => {
    if (finished && run && !reported.current) {
      reported.current = true;
      onDone?.(run.result, run.status);
    }
  }, [finished, run, onDone]);
  if (!run) return null;
  return (
    <div className="mt-4 space-y-2 border-t border-zinc-200 pt-4" data-testid={testId} data-status={run.status}>
      <div className="flex items-center gap-3">
        <StatusBadge status={run.status} />
        <RunProgress status={run.status} progress={run.progress} className="flex-1" />
        <Link href={jobHref(runId, discipline)} className="text-xs font-medium text-accent-700 hover:underline">
          View job
        </Link>
      </div>
      <p className="truncate text-xs text-zinc-600">{run.message}</p>
      {run.error && <ErrorAlert title="The job failed">{run.error}</ErrorAlert>}
    </div>
  );
}
