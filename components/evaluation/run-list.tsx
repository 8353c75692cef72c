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
import { formatPercent } from "@/lib/client/format";
import { isActiveStatus } from "@/lib/client/jobs";
import { useEvaluations, useLaunchEvaluation, useModels } from "@/lib/client/models";
import { useCan } from "@/lib/client/session";
import { useBenchmarks } from "@/lib/client/tester";
import { hrefWith } from "@/lib/client/url";

/** Evaluation runs, newest first, with progress while they run; the selected one is the `run` param. */
export function RunList({ selected }: { selected: string | null }) {
  const { data, isLoading } = useEvaluations();
  const params = useSearchParams();
  const pathname = usePathname();
  const rows = data?.items ?? [];
  return (
    <div className="space-y-6">
      <Card title="Evaluation runs" description="A model version on a frozen benchmark" bodyClassName="p-0" data-testid="evaluation-runs">
        {isLoading ? (
          <SkeletonRows rows={3} className="p-4" />
        ) : !rows.length && !data?.pending.length ? (
          <EmptyState title="No evaluation yet">Evaluate a model version below, or from the Models page.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {data?.pending.map((p) => (
              <li key={p.runId} className="px-4 py-2.5 text-sm" data-testid="evaluation-pending">
                <div className="flex items-center gap-2">
                  <span className="font-medium text-zinc-900">{p.model ?? "?"}</span>
                  <StatusBadge status={p.status as RunStatus} />
                </div>
                <p className="truncate text-xs text-zinc-500">{p.message ?? "waiting for a worker"}</p>
              </li>
            ))}
            {rows.map((r) => {
              const live = isActiveStatus(r.run?.status as RunStatus | undefined);
              return (
                <li key={r.id}>
                  <Link href={hrefWith(pathname, params, { run: r.id, item: null })} className={cx("block px-4 py-2.5 text-sm hover:bg-zinc-50", r.id === selected && "bg-accent-50/60")} data-testid="evaluation-run" data-model={r.modelVersion.name} data-status={r.run?.status ?? (r.finishedAt ? "SUCCEEDED" : "")}>
                    <div className="flex items-center gap-2">
                      <span className="truncate font-medium text-zinc-900">{r.modelVersion.name}</span>
                      <span className="text-xs text-zinc-500">on benchmark v{r.benchmark.version}</span>
                      <span className="ml-auto text-sm font-semibold text-zinc-900 tabular-nums">{r.answered ? formatPercent(r.accuracy) : "–"}</span>
                    </div>
                    {live || !r.finishedAt ? (
                      <div className="mt-1 flex items-center gap-2">
                        {r.run && <StatusBadge status={r.run.status as RunStatus} />}
                        <ProgressBar value={r.total ? r.answered / r.total : 0} label={`${r.modelVersion.name} answered`} className="flex-1" />
                        <span className="text-xs text-zinc-500 tabular-nums">
                          {r.answered}/{r.total}
                        </span>
                      </div>
                    ) : (
                      <p className="text-xs text-zinc-500">
                        {r.correct} of {r.answered} right{r.unparseable ? `, ${r.unparseable} unparseable` : ""}
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
  const allowed = useCan("evaluations:launch");
  const models = useModels().data?.items ?? [];
  const frozen = useBenchmarks().data?.items.filter((b) => b.status === "FROZEN") ?? [];
  const launch = useLaunchEvaluation();
  const [model, setModel] = useState("");
  const [benchmark, setBenchmark] = useState("");
  if (!allowed) return null;
  const chosenModel = model || models[models.length - 1]?.id || "";
  return (
    <Card title="Evaluate a model" description="Every active item, asked once" data-testid="evaluation-launch">
      {!frozen.length ? (
        <p className="text-sm text-zinc-500">No frozen benchmark: a lead freezes one on the Tester page first.</p>
      ) : !models.length ? (
        <p className="text-sm text-zinc-500">No model version: train or register one on the Models page.</p>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            launch.mutate({ modelVersionId: chosenModel, benchmarkId: benchmark || undefined });
          }}
        >
          <div>
            <FieldLabel htmlFor="eval-model">Model version</FieldLabel>
            <Select id="eval-model" value={chosenModel} onChange={(e) => setModel(e.target.value)} className="w-full" data-testid="evaluation-model">
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.stage})
                </option>
              ))}
            </Select>
          </div>
          <div>
            <FieldLabel htmlFor="eval-benchmark">Benchmark</FieldLabel>
            <Select id="eval-benchmark" value={benchmark} onChange={(e) => setBenchmark(e.target.value)} className="w-full">
              <option value="">newest frozen (v{frozen[0].version})</option>
              {frozen.map((b) => (
                <option key={b.id} value={b.id}>
                  v{b.version} · {b.itemCount} items
                </option>
              ))}
            </Select>
          </div>
          {launch.error && <ErrorAlert>{errorMessage(launch.error)}</ErrorAlert>}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" loading={launch.isPending} data-testid="evaluation-start">
              Evaluate
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
