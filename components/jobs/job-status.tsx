import { Badge, type Tone } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { JobStatus } from "@/lib/client/jobs";

export const STATUS_LABEL: Record<JobStatus, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export const STATUS_TONE: Record<JobStatus, Tone> = {
  QUEUED: "neutral",
  RUNNING: "blue",
  SUCCEEDED: "green",
  FAILED: "red",
  CANCELLED: "amber",
};

export function StatusBadge({ status }: { status: JobStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} dot pulse={status === "RUNNING"} data-testid="status-badge" data-status={status}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

/** A finished run shows a full bar in its outcome's colour, whatever its last reported progress. */
export function RunProgress({ status, progress, className }: { status: JobStatus; progress: number; className?: string }) {
  const value = status === "SUCCEEDED" ? 1 : progress;
  return <ProgressBar value={value} tone={STATUS_TONE[status]} label="Progress" showPercent className={className} />;
}
