"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { isActiveStatus, useCancelJob, useRetryJob, type JobRun } from "@/lib/client/jobs";
import { useCan } from "@/lib/client/session";
import { useNow } from "@/lib/client/use-now";
import { isWaiting } from "./job-status";

// A running run's worker renews its lease every 10 s (which moves updatedAt); a minute without
// means it is gone. The server takes such a run back by itself, and allows a retry at once.
const STALE_AFTER_MS = 60_000;

/**
 * Cancel while a run is live, retry once it failed or was cancelled, or while its worker is gone;
 * the server's refusal is shown as is.
 */
export function JobActions({ run }: { run: JobRun }) {
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const now = useNow(run.status === "RUNNING" ? 5000 : false);
  const stale = run.status === "RUNNING" && now - Date.parse(run.updatedAt) > STALE_AFTER_MS;
  const active = isActiveStatus(run.status) || isWaiting(run.status);
  const canRetry = run.status === "FAILED" || run.status === "CANCELLED" || stale;
  const failure = cancel.error ?? retry.error;
  const allowed = useCan("jobs:control");

  if (!active && !canRetry) return null;
  if (!allowed) return <p className="text-xs text-zinc-500" data-testid="job-actions-readonly">Your role can watch jobs but not cancel or retry them.</p>;
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        {active && (
          <Button
            variant="danger"
            size="sm"
            data-testid="job-cancel"
            loading={cancel.isPending}
            disabled={!!run.cancelRequestedAt}
            onClick={() => {
              retry.reset();
              cancel.mutate(run.id);
            }}
          >
            {run.cancelRequestedAt ? "Cancelling…" : "Cancel"}
          </Button>
        )}
        {canRetry && (
          <Button
            variant="primary"
            size="sm"
            data-testid="job-retry"
            loading={retry.isPending}
            onClick={() => {
              cancel.reset();
              retry.mutate(run.id);
            }}
          >
            Retry
          </Button>
        )}
        {active && run.cancelRequestedAt && (
          <span className="text-xs text-amber-700">Cancellation requested; the job stops at its next checkpoint.</span>
        )}
      </div>
      {stale && (
        <p data-testid="job-stale" className="text-xs text-amber-700">
          Its worker has not been heard from for over a minute: another worker takes the job back from its last checkpoint, or retry it now.
        </p>
      )}
      {failure && (
        <p role="alert" data-testid="job-action-error" className="text-sm text-red-700">
          {errorMessage(failure)}
        </p>
      )}
    </div>
  );
}
