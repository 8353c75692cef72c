import { Badge, type Tone } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { JobStatus } from "@/lib/client/jobs";
import { importFailures, type ImportReport } from "@/lib/client/corpus";

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

/** The run's status; `label` and `tone` tell more where the page knows more (an import's failed files). */
export function StatusBadge({ status, label = STATUS_LABEL[status], tone = STATUS_TONE[status] }: { status: RunStatus; label?: string; tone?: Tone }) {
  return (
    <Badge tone={tone} dot pulse={status === "RUNNING"} data-testid="status-badge" data-status={status}>
      {label}
    </Badge>
  );
}

/** A finished run shows a full bar in its outcome's colour, whatever its last reported progress. */
export function RunProgress({ status, progress, className }: { status: RunStatus; progress: number; className?: string }) {
  const value = status === "SUCCEEDED" ? 1 : progress;
  return <ProgressBar value={value} tone={STATUS_TONE[status]} label="Progress" showPercent className={className} />;
}

/**
 * An import that ran to the end but could not import a file it was given did not succeed: every
 * file failed is "Failed", some failed is "Partly failed", each with the count of errors.
 */
function importOutcome(status: RunStatus, report: ImportReport | null): { label: string; tone: Tone } {
  const failures = status === "SUCCEEDED" && report ? importFailures(report) : null;
  if (!failures?.failed) return { label: STATUS_LABEL[status], tone: STATUS_TONE[status] };
  const count = `${failures.errors} error${failures.errors === 1 ? "" : "s"}`;
  return failures.failed === "all" ? { label: `Failed · ${count}`, tone: "red" } : { label: `Partly failed · ${count}`, tone: "amber" };
}

export function ImportStatusBadge({ status, report }: { status: RunStatus; report: ImportReport | null }) {
  return <StatusBadge status={status} {...importOutcome(status, report)} />;
}
