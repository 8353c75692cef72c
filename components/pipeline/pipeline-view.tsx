"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { usePipelineStages, useStartLoop } from "@/lib/client/loop";
import { useCan } from "@/lib/client/session";
import { useNow } from "@/lib/client/use-now";
import type { StageName } from "@/lib/server/services/loop/loop-report";
import { STAGE_STATES } from "@/lib/server/services/loop/pipeline-view";
import { LoopHeader } from "./loop-header";
import { StageFlow } from "./stage-flow";
import { STATE_HELP, STATE_TONE } from "./stage-states";

/** The Pipeline page: the loop's stages as a flow, each with its state, and the loop run. */
export function PipelineView() {
  const view = usePipelineStages();
  const start = useStartLoop();
  const mayRun = useCan("loop:run");
  const now = useNow(30_000);
  const [autoApprove, setAutoApprove] = useState(false);
  const [starting, setStarting] = useState<StageName | "all" | null>(null);
  const data = view.data;
  const runBlocked = !mayRun
    ? "Only leads and admins run the loop"
    : !data
      ? "Loading"
      : data.live
        ? "A loop is running: wait for it to finish"
        : data.documents === 0
          ? "Import a corpus first"
          : start.isPending
            ? "Starting"
            : null;
  const run = useCallback(
    (from?: StageName) => {
      setStarting(from ?? "all");
      start.mutate({ autoApprove, ...(from ? { from } : {}) }, { onSettled: () => setStarting(null) });
    },
    [start, autoApprove],
  );
  const onRunFrom = useCallback((stage: StageName) => run(stage), [run]);

  if (view.error) return <div className="p-6"><ErrorAlert>{errorMessage(view.error)}</ErrorAlert></div>;
  if (!data) return <div className="p-6"><SkeletonRows rows={8} /></div>;
  return (
    <div className="flex flex-col gap-4 p-6" data-testid="pipeline-page">
      {data.documents === 0 && (
        <Card title="Start with a corpus">
          <EmptyState
            title="There is nothing for the loop to work on yet"
            action={
              <Link href="/corpus" className="inline-flex h-8 items-center rounded-md bg-accent-600 px-3 text-sm font-medium text-white hover:bg-accent-700">
                Import documents on the Corpus page
              </Link>
            }
          >
            Import textbook-grade documents first (upload them on the Corpus page, or <code>npx proda import &lt;folder&gt;</code>). Then “Run the loop” extracts the knowledge structure, builds the frozen benchmark, trains and evaluates V1, traces its failures, and builds V2 from the patches.
          </EmptyState>
        </Card>
      )}
      <LoopHeader view={data} now={now} runBlocked={runBlocked} starting={starting === "all"} autoApprove={autoApprove} onAutoApprove={setAutoApprove} onRun={() => run()} />
      {start.error && <ErrorAlert data-testid="loop-start-error">{errorMessage(start.error)}</ErrorAlert>}
      <StageFlow stages={data.stages} now={now} runBlocked={runBlocked} starting={starting === "all" ? null : starting} onRunFrom={onRunFrom} />
      <p className="flex flex-wrap gap-x-3 gap-y-1.5 text-xs text-zinc-500" aria-label="What the states mean">
        {STAGE_STATES.map((s) => (
          <span key={s} className="inline-flex items-center gap-1.5">
            <Badge tone={STATE_TONE[s]} dot>{s}</Badge>
            {STATE_HELP[s]}
          </span>
        ))}
      </p>
    </div>
  );
}
