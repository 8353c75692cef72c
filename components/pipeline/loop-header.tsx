"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { useCancelJob } from "@/lib/client/jobs";
import { useCan } from "@/lib/client/session";
import type { PipelineView } from "@/lib/server/services/loop/pipeline-view";
import { STAGE_INFO } from "@/lib/server/services/loop/stage-info";

const LOOP_TONE = { queued: "blue", running: "blue", done: "green", waiting: "accent", failed: "red", cancelled: "neutral" } as const;
const LOOP_WORD = { queued: "queued", running: "running", done: "done", waiting: "waiting for review", failed: "failed", cancelled: "cancelled" } as const;

type Props = {
  view: PipelineView;
  now: number;
  runBlocked: string | null;
  starting: boolean;
  autoApprove: boolean;
  onAutoApprove: (v: boolean) => void;
  onRun: () => void;
};

/** "Run the loop", and the live loop run (its progress and stage) or the last one, with links to its job and to the patch review. */
export function LoopHeader({ view, now, runBlocked, starting, autoApprove, onAutoApprove, onRun }: Props) {
  const loop = view.loop;
  const stale = view.stages.filter((s) => s.state === "stale" || s.state === "never ran" || s.state === "failed").length;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-xs" aria-label="The loop run" data-testid="loop-header">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-zinc-900">The closed loop</h2>
          <p className="mt-0.5 text-xs text-zinc-500">
            {view.live
              ? "A loop is running: the stages update as it goes."
              : stale
                ? `${stale} of ${view.stages.length} stages would run: each stage runs only when its inputs changed.`
                : "Every stage is up to date: running the loop would do no work."}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-1.5 text-xs text-zinc-600" title="Approve every patch the orthogonality gate passes, so the loop goes on to V2 without waiting for annotators">
            <input type="checkbox" checked={autoApprove} onChange={(e) => onAutoApprove(e.target.checked)} className="size-3.5 accent-accent-600" data-testid="auto-approve" />
            approve patches the gate passes
          </label>
          <span title={runBlocked ?? "Run every stage that is not up to date, in order"}>
            <Button variant="primary" disabled={!!runBlocked} loading={starting} onClick={onRun} data-testid="run-loop">
              Run the loop
            </Button>
          </span>
        </div>
      </div>
      {loop && (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-zinc-100 pt-3 text-xs text-zinc-600" data-testid="loop-run" data-state={loop.state}>
          <Badge tone={LOOP_TONE[loop.state]} dot pulse={loop.state === "running"}>
            {view.live ? "loop " : "last loop "}
            {LOOP_WORD[loop.state]}
          </Badge>
          {view.live ? (
            <>
              <ProgressBar value={loop.progress} label="Loop progress" showPercent className="w-48" />
              <span className="min-w-0 truncate" data-testid="loop-stage">
                {/* The job's message names the stage ("Train V1: epoch 2"); before its first word, the stage's title. */}
                {loop.currentStage ? <strong className="font-medium text-zinc-900">{loop.message?.startsWith(STAGE_INFO[loop.currentStage].title) ? loop.message : STAGE_INFO[loop.currentStage].title}</strong> : "starting"}
              </span>
            </>
          ) : (
            <span>
              {loop.from ? `from ${STAGE_INFO[loop.from].title}, ` : ""}
              {loop.finishedAt ? (
                <>finished <time dateTime={loop.finishedAt} title={formatDateTime(loop.finishedAt)}>{formatRelative(loop.finishedAt, now)}</time></>
              ) : (
                <>started <time dateTime={loop.startedAt} title={formatDateTime(loop.startedAt)}>{formatRelative(loop.startedAt, now)}</time></>
              )}
            </span>
          )}
          {view.live && loop.jobRunId && <CancelLoop jobRunId={loop.jobRunId} />}
          {loop.jobRunId ? (
            <Link href={`/jobs?run=${loop.jobRunId}`} className="text-accent-700 hover:underline" data-testid="loop-job-link">
              Its job on the Jobs page
            </Link>
          ) : (
            <span>run with <code>proda loop</code></span>
          )}
          {view.reviewUrl && (
            <Link href={view.reviewUrl} className="font-medium text-accent-700 hover:underline" data-testid="review-link">
              Review the waiting patches on the Debugger page →
            </Link>
          )}
          {/* A loop someone cancelled did not fail: its reason is said, not raised. */}
          {loop.error && !view.live && <span className={`basis-full ${loop.state === "cancelled" ? "text-zinc-500" : "text-red-700"}`}>{loop.error}</span>}
        </div>
      )}
    </section>
  );
}

/** Cancels the loop's job: the stage running stops at its next checkpoint, and no later stage starts. */
function CancelLoop({ jobRunId }: { jobRunId: string }) {
  const cancel = useCancelJob();
  const allowed = useCan("jobs:control");
  if (!allowed) return null;
  return (
    <>
      <Button variant="danger" size="sm" loading={cancel.isPending} disabled={cancel.isSuccess} onClick={() => cancel.mutate(jobRunId)} data-testid="loop-cancel">
        {cancel.isSuccess ? "Cancelling…" : "Cancel"}
      </Button>
      {cancel.error && <span role="alert" className="text-red-700">{errorMessage(cancel.error)}</span>}
    </>
  );
}
