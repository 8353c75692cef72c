"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { RunProgress, type RunStatus } from "@/components/jobs/job-status";
import { ErrorAlert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SidePanel } from "@/components/ui/side-panel";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { isActiveStatus } from "@/lib/client/jobs";
import { useEvaluation, useEvaluations } from "@/lib/client/models";
import { hrefWith } from "@/lib/client/url";
import { AnswerDetail } from "./answer-detail";
import { AnswerTable } from "./answer-table";
import { MetricsCard } from "./metrics-card";
import { RunList } from "./run-list";

/** Evaluation: runs with progress, the chosen run's metrics, and its answers one by one. */
export function EvaluationView() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const close = useCallback(() => router.replace(hrefWith(pathname, params, { item: null }), { scroll: false }), [router, pathname, params]);
  const list = useEvaluations();
  const selected = params.get("run") ?? list.data?.items[0]?.id ?? null;
  const item = params.get("item");
  const detail = useEvaluation(selected);
  const live = isActiveStatus(detail.data?.run?.status as RunStatus | undefined);
  return (
    <div className="grid items-start gap-6 p-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
      <RunList selected={selected} />
      <div className="min-w-0 space-y-6">
        {!selected ? (
          <Card title="Evaluation">
            <EmptyState title="No evaluation run yet">Each run asks a model version every active item of a frozen benchmark once, and keeps every answer with its prompt and raw reply.</EmptyState>
          </Card>
        ) : detail.error ? (
          <ErrorAlert>{errorMessage(detail.error)}</ErrorAlert>
        ) : !detail.data ? (
          <SkeletonRows rows={6} />
        ) : (
          <>
            {(live || !detail.data.metrics) && (
              <Card title={`${detail.data.modelVersion.name} on benchmark v${detail.data.benchmark.version}`} description={`${detail.data.answered} of ${detail.data.total} items answered`} data-testid="evaluation-progress">
                {detail.data.run && <RunProgress status={detail.data.run.status as RunStatus} progress={detail.data.total ? detail.data.answered / detail.data.total : 0} />}
                <p className="mt-2 text-xs text-zinc-600">{detail.data.run?.message ?? "The metrics appear once every item is answered."}</p>
                {detail.data.run?.error && <ErrorAlert title="The run failed">{detail.data.run.error}</ErrorAlert>}
              </Card>
            )}
            <MetricsCard detail={detail.data} />
            <AnswerTable detail={detail.data} selectedItem={item} live={live} />
            {item && (
              <SidePanel title={`${detail.data.modelVersion.name}’s answer`} hint="↑ ↓ the previous or next answer" onClose={close} data-testid="answer-panel">
                <AnswerDetail runId={detail.data.id} itemId={item} />
              </SidePanel>
            )}
          </>
        )}
      </div>
    </div>
  );
}
