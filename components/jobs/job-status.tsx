import { Badge, type Tone } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { JobStatus } from "@/lib/client/jobs";
import { importFailures, type ImportCounts } from "@/lib/domain/corpus/import-outcome";
import { timeLeft } from "@/lib/domain/jobs/time-left";

/** The server's statuses: WAITING (a run parked until a remote state or a rate limit allows) is newer than lib/client's list. */
export type RunStatus = JobStatus | "WAITING";

export const isWaiting = (s: string) => s === "WAITING";

export const STATUS_LABEL: Record<RunStatus, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  WAITING: "Waiting",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export const STATUS_TONE: Record<RunStatus, Tone> = {
  QUEUED: "neutral",
  RUNNING: "blue",
  WAITING: "accent",
  SUCCEEDED: "green",
  FAILED: "red",
  CANCELLED: "amber",
};

/**
 * What a run came to, as every page shows it: its status, except that an import that ran to the
 * end but could not import a file it was given did not succeed: "Failed (2 of 2 files)" when
 * every file failed, "Partly failed (1 of 3 files)" when some did. `counts` is null for other jobs.
 */
export function runOutcome(status: RunStatus, counts: ImportCounts | null = null): { label: string; tone: Tone; outcome?: "failed" | "partly-failed" } {
  const failures = status === "SUCCEEDED" && counts ? importFailures(counts) : null;
  if (!failures) return { label: STATUS_LABEL[status], tone: STATUS_TONE[status] };
  return failures.failed === "all" ? { label: failures.label, tone: "red", outcome: "failed" } : { label: failures.label, tone: "amber", outcome: "partly-failed" };
}

type Outcome = { status: RunStatus; counts?: ImportCounts | null };

export function StatusBadge({ status, counts }: Outcome) {
  const { label, tone, outcome } = runOutcome(status, counts);
  return (
    <Badge tone={tone} dot pulse={status === "RUNNING"} data-testid="status-badge" data-status={status} data-outcome={outcome}>
      {label}
    </Badge>
  );
}

/** A finished run shows a full bar in its outcome's colour (red for an import whose files all failed), whatever its last reported progress. */
export function RunProgress({ status, counts, progress, className }: Outcome & { progress: number; className?: string }) {
  const value = status === "SUCCEEDED" ? 1 : progress;
  return <ProgressBar value={value} tone={runOutcome(status, counts).tone} label="Progress" showPercent className={className} />;
}

/** A running run's estimate of time left from its pace so far ("–" until progress means something); nothing otherwise. */
export function TimeLeft({ run, now, className }: { run: { status: RunStatus; startedAt: string | null; progress: number }; now: number; className?: string }) {
  if (run.status !== "RUNNING") return null;
  return (
    <p className={className} data-testid="time-left">
      {timeLeft(run.startedAt, run.progress, now)}
    </p>
  );
}
