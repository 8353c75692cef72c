"use client";

import Link from "next/link";
import { RunProgress, StatusBadge, type RunStatus } from "@/components/jobs/job-status";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime, formatTime } from "@/lib/client/format";
import { isActiveStatus, useCancelJob } from "@/lib/client/jobs";
import { useFineTunes, type FineTuneRow } from "@/lib/client/models";
import { useCan } from "@/lib/client/session";
import { jobHref } from "@/lib/client/url";
import { FINE_TUNE_TONE, TRAINER_LABEL } from "./model-labels";

/** Fine-tunes with their live state, the provider's events and a cancel that reaches the provider. */
export function FineTunesCard() {
  const { data, isLoading } = useFineTunes();
  const rows = data?.items ?? [];
  const pending = data?.pending ?? [];
  return (
    <Card title="Fine-tunes" description="Live while they run: the provider's state and events; cancelling also cancels the remote job" bodyClassName="p-0" data-testid="fine-tunes-card">
      {isLoading ? (
        <SkeletonRows rows={2} className="p-4" />
      ) : !rows.length && !pending.length ? (
        <EmptyState title="No fine-tune yet">A fine-tune started above is followed here until it ends, and becomes a model version when it succeeds.</EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {pending.map((p) => (
            <li key={p.runId} className="flex items-center gap-3 px-4 py-3 text-sm" data-testid="fine-tune" data-state="queued">
              <span className="font-medium text-zinc-900">{p.name}</span>
              <span className="text-xs text-zinc-500">{TRAINER_LABEL[p.trainer] ?? p.trainer}</span>
              {p.run && <StatusBadge status={p.run.status as RunStatus} />}
              <span className="truncate text-xs text-zinc-500">{p.run?.message ?? "waiting for a worker"}</span>
              <CancelRun runId={p.runId} />
            </li>
          ))}
          {rows.map((f) => (
            <FineTuneItem key={f.id} f={f} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function FineTuneItem({ f }: { f: FineTuneRow }) {
  const status = f.run?.status as RunStatus | undefined;
  const live = isActiveStatus(status);
  return (
    <li className="space-y-2 px-4 py-3 text-sm" data-testid="fine-tune" data-name={f.name} data-state={f.state}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-zinc-900">{f.name}</span>
        <Badge tone={FINE_TUNE_TONE[f.state] ?? "neutral"} dot={live} pulse={live} data-testid="fine-tune-state">
          {f.state}
        </Badge>
        {live && f.rawStatus && f.rawStatus !== f.state && <span className="font-mono text-xs text-zinc-500">{f.rawStatus}</span>}
        <span className="text-xs text-zinc-500">
          {TRAINER_LABEL[f.trainer] ?? f.trainer}
          {f.endpoint && ` at ${f.endpoint}`}
          {f.baseModel && ` · ${f.baseModel}`} · {f.trainingSet.name} v{f.trainingSet.version}
        </span>
        <span className="ml-auto flex items-center gap-3">
          {f.remoteJobId && <span className="font-mono text-xs text-zinc-400" title="the provider's job id">{f.remoteJobId}</span>}
          <Link href={jobHref(f.runId, null)} className="text-xs font-medium text-accent-700 hover:underline">
            Job
          </Link>
          {live && <CancelRun runId={f.runId} />}
        </span>
      </div>
      {f.run && live && <RunProgress status={f.run.status as RunStatus} progress={f.run.progress} />}
      {f.run?.message && live && <p className="truncate text-xs text-zinc-600">{f.run.message}</p>}
      {(f.error ?? (status === "FAILED" ? f.run?.error : null)) && (
        <p className="rounded-md bg-red-50 px-2.5 py-1.5 text-xs text-red-800" data-testid="fine-tune-error">
          {f.error ?? f.run?.error}
        </p>
      )}
      {f.events.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs text-zinc-600">
            {f.events.length} events from the provider · last at {formatDateTime(f.events[f.events.length - 1].at)}
          </summary>
          <ol className="mt-1 max-h-48 space-y-0.5 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-[11px] text-zinc-700" data-testid="fine-tune-events">
            {f.events.map((e, i) => (
              <li key={i} className={e.level === "error" ? "text-red-700" : e.level === "warning" || e.level === "warn" ? "text-amber-700" : undefined}>
                {formatTime(e.at)} {e.message}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

function CancelRun({ runId }: { runId: string }) {
  const allowed = useCan("jobs:control");
  const cancel = useCancelJob();
  if (!allowed) return null;
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        size="sm"
        variant="danger"
        loading={cancel.isPending}
        title="Cancel this fine-tune?"
        consequence="The run stops; a remote fine-tuning job is cancelled at its provider too. No model version is made from it."
        confirmLabel="Cancel fine-tune"
        onConfirm={() => cancel.mutate(runId)}
        data-testid="fine-tune-cancel"
      >
        Cancel
      </ConfirmButton>
      {cancel.error && <span className="text-xs text-red-700">{errorMessage(cancel.error)}</span>}
    </span>
  );
}
