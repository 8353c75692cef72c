"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { isActiveStatus, useCancelJob, useRetryJob, type JobRun } from "@/lib/client/jobs";
import { useCan } from "@/lib/client/session";

/** Cancel while a run is live, retry once it failed or was cancelled; the server's refusal is shown as is. */
export function JobActions({ run }: { run: JobRun }) {
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const active = isActiveStatus(run.status);
  const canRetry = run.status === "FAILED" || run.status === "CANCELLED";
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
      {failure && (
        <p role="alert" data-testid="job-action-error" className="text-sm text-red-700">
          {errorMessage(failure)}
        </p>
      )}
    </div>
  );
}
