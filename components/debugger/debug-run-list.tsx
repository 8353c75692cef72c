"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { StatusBadge, type RunStatus } from "@/components/jobs/job-status";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldLabel, Select } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress-bar";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { cx } from "@/lib/client/cx";
import { useDebugRuns, useLaunchDebug } from "@/lib/client/debugger";
import { formatPercent } from "@/lib/client/format";
import { isActiveStatus } from "@/lib/client/jobs";
import { useEvaluations, useModels } from "@/lib/client/models";
import { useCan } from "@/lib/client/session";
import { hrefWith } from "@/lib/client/url";

/** Debug runs, newest first; the selected one is the `run` param. */
export function DebugRunList({ selected }: { selected: string | null }) {
  const { data, isLoading } = useDebugRuns();
  const params = useSearchParams();
  const pathname = usePathname();
  const rows = data?.items ?? [];
  return (
    <div className="space-y-6">
      <Card title="Debug runs" description="The failures of one evaluation, traced" bodyClassName="p-0" data-testid="debug-runs">
        {isLoading ? (
          <SkeletonRows rows={3} className="p-4" />
        ) : !rows.length && !data?.pending.length ? (
          <EmptyState title="Nothing traced yet">Trace the failures of an evaluation run below.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {data?.pending.map((p) => (
              <li key={p.runId} className="flex items-center gap-2 px-4 py-2.5 text-sm">
                <StatusBadge status={p.status as RunStatus} />
                <span className="truncate text-xs text-zinc-500">{p.message ?? "waiting for a worker"}</span>
              </li>
            ))}
            {rows.map((r) => {
              const live = isActiveStatus(r.run?.status as RunStatus | undefined);
              const patches = Object.values(r.patches).reduce((a, b) => a + (b ?? 0), 0);
              return (
                <li key={r.id}>
                  <Link href={hrefWith(pathname, params, { run: r.id })} className={cx("block px-4 py-2.5 text-sm hover:bg-zinc-50", r.id === selected && "bg-accent-50/60")} data-testid="debug-run" data-model={r.evaluationRun.modelVersion.name} data-status={r.run?.status ?? (r.finishedAt ? "SUCCEEDED" : "")}>
                    <div className="flex items-center gap-2">
                      <span className="font-medium text-zinc-900">{r.evaluationRun.modelVersion.name}</span>
                      <span className="text-xs text-zinc-500">on benchmark v{r.evaluationRun.benchmark.version}</span>
                    </div>
                    {live ? (
                      <div className="mt-1 flex items-center gap-2">
                        <ProgressBar value={r.run?.progress ?? 0} label="traced" className="flex-1" />
                        <span className="text-xs text-zinc-500">{r.run?.message}</span>
                      </div>
                    ) : (
                      <p className="text-xs text-zinc-500">
                        {r.traced} failures traced · {patches} patches ({r.patches.PROPOSED ?? 0} to review)
                      </p>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <LaunchCard />
    </div>
  );
}

function LaunchCard() {
  const allowed = useCan("traces:review");
  const evaluations = (useEvaluations().data?.items ?? []).filter((e) => e.finishedAt && e.correct < e.answered);
  const endpoints = useModels().data?.endpoints ?? [];
  const launch = useLaunchDebug();
  const [chosen, setChosen] = useState("");
  const [writer, setWriter] = useState("");
  if (!allowed) return null;
  const value = chosen || evaluations[0]?.id || "";
  return (
    <Card title="Trace failures" description="Probe the same model, step by step" data-testid="debug-launch">
      {!evaluations.length ? (
        <p className="text-sm text-zinc-500">No finished evaluation with wrong answers: evaluate a model on the Evaluation page first.</p>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            launch.mutate({ evaluationRunId: value, ...(writer ? { patchEndpoint: writer } : {}) });
          }}
        >
          <div>
            <FieldLabel htmlFor="debug-evaluation">Evaluation run</FieldLabel>
            <Select id="debug-evaluation" value={value} onChange={(e) => setChosen(e.target.value)} className="w-full" data-testid="debug-evaluation">
              {evaluations.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.modelVersion.name} on v{e.benchmark.version} · {formatPercent(e.accuracy)} · {e.answered - e.correct} wrong
                </option>
              ))}
            </Select>
          </div>
          <div>
            <FieldLabel htmlFor="debug-writer">
              Patches written by
            </FieldLabel>
            <Select id="debug-writer" value={writer} onChange={(e) => setWriter(e.target.value)} className="w-full" data-testid="debug-writer">
              <option value="">Templates (offline)</option>
              {endpoints.map((e) => (
                <option key={e.name} value={e.name}>
                  LLM: {e.name} · {e.model}
                </option>
              ))}
            </Select>
          </div>
          {launch.error && <ErrorAlert>{errorMessage(launch.error)}</ErrorAlert>}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" loading={launch.isPending} data-testid="debug-start">
              Trace
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
