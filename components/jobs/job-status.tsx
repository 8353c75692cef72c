import { Badge, type Tone } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { JobStatus } from "@/lib/client/jobs";

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

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} dot pulse={status === "RUNNING"} data-testid="status-badge" data-status={status}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

/** A finished run shows a full bar in its outcome's colour, whatever its last reported progress. */
export function RunProgress({ status, progress, className }: { status: RunStatus; progress: number; className?: string }) {
  const value = status === "SUCCEEDED" ? 1 : progress;
  return <ProgressBar value={value} tone={STATUS_TONE[status]} label="Progress" showPercent className={className} />;
}
