"use client";

import { useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useTrainingSet, useTrainingSets, type TrainingSetDetail } from "@/lib/client/builder";
import { DISCIPLINE_PARAM } from "@/lib/client/url";
import { CoreReportCard } from "./core-report-card";
import { GateCard } from "./gate-card";
import { InstanceBrowser } from "./instance-browser";
import { SetStatus, TrainingSetList } from "./training-set-list";

/** The Builder: training set versions, the chosen one's CORE report, gate, downloads and instances. */
export function BuilderView() {
  const params = useSearchParams();
  const discipline = params.get(DISCIPLINE_PARAM);
  const list = useTrainingSets();
  const selected = params.get("set") ?? list.data?.items[0]?.id ?? null;
  const detail = useTrainingSet(selected);
  return (
    <div className="grid items-start gap-6 p-6 2xl:grid-cols-[18rem_minmax(0,1fr)]">
      <TrainingSetList selected={selected} discipline={discipline} />
      <div className="min-w-0 space-y-6">
        {!selected ? (
          <Card title="Training data from L1 and L2">
            <EmptyState title="No training set yet">
              The Builder writes definitions, relation questions both ways, grounded explanations and contrasts from concepts and relations, never from the chains the benchmark tests.
            </EmptyState>
          </Card>
        ) : !detail.data ? (
          <SkeletonRows rows={5} />
        ) : (
          <>
            <SetHeader detail={detail.data} />
            {detail.data.core && <CoreReportCard core={detail.data.core} />}
            <GateCard detail={detail.data} discipline={discipline} />
            <InstanceBrowser setId={selected} discipline={discipline} />
          </>
        )}
      </div>
    </div>
  );
}

function SetHeader({ detail }: { detail: TrainingSetDetail }) {
  const s = detail.trainingSet;
  const download = (format: string, label: string) => (
    <a className="text-xs font-medium text-accent-700 hover:underline" href={`/api/training-sets/${s.id}/export?format=${format}`} download data-testid={`download-${format}`}>
      {label}
    </a>
  );
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {s.name} v{s.version} <SetStatus set={s} />
        </span>
      }
      description={s.parent ? `Derived from ${s.parent.name} v${s.parent.version}` : "First version"}
      actions={s.status === "BUILDING" ? <Badge>building…</Badge> : <>{download("openai", "OpenAI JSONL")}{download("hf", "Hugging Face (zip)")}{download("llama-factory", "LLaMA-Factory (zip)")}{download("bundle", "Own-GPU bundle (zip)")}</>}
      data-testid="training-set-header"
      data-status={s.status}
    >
      <p className="text-sm text-zinc-700">
        {s.instanceCount.toLocaleString()} instances: {Object.entries(detail.byKind).map(([k, n]) => `${n.toLocaleString()} ${k}`).join(", ")}.
        {s.settings.budget ? ` Budget ${s.settings.budget} per discipline (coverage first, then salience).` : ""}
        {s.settings.approvedOnly ? " Approved concepts and relations only." : " Drafts and approved items."}
        {s.settings.testedOnly ? " Only disciplines a frozen benchmark tests." : ""}
      </p>
      <p className="mt-1 text-xs text-zinc-500">{detail.byDiscipline.map((d) => `${d.name} ${d.n}`).join(" · ")}</p>
    </Card>
  );
}
