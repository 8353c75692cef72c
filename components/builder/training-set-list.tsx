"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { RunFollower } from "@/components/jobs/run-follower";
import { LlmStepOption } from "@/components/settings/llm-step-option";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldLabel, Input } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useDisciplineName } from "@/lib/client/corpus";
import { builderKeys, useBuildTrainingSet, useTrainingSets, type TrainingSet } from "@/lib/client/builder";
import { cx } from "@/lib/client/cx";
import { useCan } from "@/lib/client/session";
import { hrefWith } from "@/lib/client/url";

export function SetStatus({ set }: { set: Pick<TrainingSet, "status"> }) {
  return set.status === "APPROVED" ? <Badge tone="green">approved</Badge> : set.status === "BUILDING" ? <Badge tone="neutral" dot pulse>building</Badge> : <Badge tone="amber">draft</Badge>;
}

export function GateBadge({ gate }: { gate: TrainingSet["gate"] }) {
  if (!gate) return <Badge>gate not run</Badge>;
  if (!gate.passed) return <Badge tone="red">{gate.violationCount} overlaps</Badge>;
  return gate.stale ? (
    <Badge tone="amber" title="A benchmark was frozen after this check: run the gate again before approval">gate out of date</Badge>
  ) : (
    <Badge tone="green">gate passed</Badge>
  );
}

/** Training set versions, newest first; the selected one is the `set` search param. */
export function TrainingSetList({ selected, discipline }: { selected: string | null; discipline: string | null }) {
  const { data, isLoading } = useTrainingSets();
  const params = useSearchParams();
  const pathname = usePathname();
  return (
    <div className="grid items-start gap-6 md:grid-cols-2 2xl:grid-cols-1">
      <Card title="Training sets" description="Versions with lineage" bodyClassName="p-0" data-testid="training-set-list">
        {isLoading ? (
          <SkeletonRows rows={3} className="p-4" />
        ) : !data?.items.length ? (
          <EmptyState title="No training set yet">Build one from the L1 concepts and L2 relations; the gate then checks it against the benchmark.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {data.items.map((s) => (
              <li key={s.id}>
                <Link href={hrefWith(pathname, params, { set: s.id })} className={cx("block px-4 py-2.5 text-sm hover:bg-zinc-50", s.id === selected && "bg-accent-50/60")} data-testid="training-set-version" data-set={s.id} data-name={s.name} data-version={s.version}>
                  <div className="flex items-center gap-2">
                    <span className="truncate font-medium text-zinc-900">
                      {s.name} v{s.version}
                    </span>
                    <SetStatus set={s} />
                    <span className="ml-auto text-xs text-zinc-500 tabular-nums">{s.instanceCount.toLocaleString()}</span>
                  </div>
                  <div className="mt-1">
                    <GateBadge gate={s.gate} />
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <BuildCard discipline={discipline} />
    </div>
  );
}

function BuildCard({ discipline }: { discipline: string | null }) {
  const disciplineName = useDisciplineName();
  const allowed = useCan("training-sets:build");
  const build = useBuildTrainingSet();
  const qc = useQueryClient();
  const [name, setName] = useState("V1");
  const [budget, setBudget] = useState("");
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [testedOnly, setTestedOnly] = useState(false);
  const [paraphrase, setParaphrase] = useState(false);
  const [endpoint, setEndpoint] = useState("");
  const [runId, setRunId] = useState<string | null>(null);
  if (!allowed) return null;
  return (
    <Card title="Build a training set" description={discipline ? `From L1/L2 of ${disciplineName(discipline)}` : "From L1/L2 of every discipline"} data-testid="build-training-set">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          build.mutate(
            { name, budget: budget ? Number(budget) : undefined, approvedOnly, testedOnly, disciplines: discipline ? [discipline] : undefined, paraphrase, endpoint: endpoint || undefined },
            { onSuccess: (r) => setRunId(r.id) },
          );
        }}
      >
        <div>
          <FieldLabel htmlFor="set-name" hint="a new build of a name is its next version">Name</FieldLabel>
          <Input id="set-name" value={name} onChange={(e) => setName(e.target.value)} className="w-full" data-testid="set-name" />
        </div>
        <div>
          <FieldLabel htmlFor="set-budget" hint="per discipline; empty: everything">Budget</FieldLabel>
          <Input id="set-budget" type="number" min={1} value={budget} onChange={(e) => setBudget(e.target.value)} className="w-full" placeholder="all instances" />
        </div>
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          <input type="checkbox" checked={approvedOnly} onChange={(e) => setApprovedOnly(e.target.checked)} /> Approved concepts and relations only
        </label>
        {/* What `proda loop` builds V1 from: data for disciplines no frozen test covers cannot be judged by the benchmark. */}
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          <input type="checkbox" checked={testedOnly} onChange={(e) => setTestedOnly(e.target.checked)} data-testid="set-tested-only" /> Only disciplines a frozen benchmark tests
        </label>
        <LlmStepOption label="Paraphrase with an LLM endpoint" checked={paraphrase} onChecked={setParaphrase} endpoint={endpoint} onEndpoint={setEndpoint} />
        {build.error && <ErrorAlert>{errorMessage(build.error)}</ErrorAlert>}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={build.isPending} disabled={!name.trim()} data-testid="build-training-set-start">
            Build
          </Button>
        </div>
      </form>
      {runId && <RunFollower key={runId} runId={runId} discipline={discipline} data-testid="build-training-set-run" onDone={() => void qc.invalidateQueries({ queryKey: builderKeys.all })} />}
    </Card>
  );
}
