"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useDisciplineName } from "@/lib/client/corpus";
import { useTrainingInstances, type TrainingInstance } from "@/lib/client/builder";

const KINDS = ["definition", "relation", "inverse", "explanation", "contrast"];

/** Instances in order, filtered by kind and by the concept or relation they teach. */
export function InstanceBrowser({ setId, discipline }: { setId: string; discipline: string | null }) {
  const disciplineName = useDisciplineName();
  const [kind, setKind] = useState("");
  const [focus, setFocus] = useState<TrainingInstance["teaches"][number] | null>(null);
  const concept = focus?.level === "L1" ? focus.id : "";
  const relation = focus?.level === "L2" ? focus.id : "";
  const { data, isLoading, hasNextPage, fetchNextPage, isFetchingNextPage } = useTrainingInstances(setId, { discipline, kind, concept, relation });
  const items = data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title="Instances" description={discipline ? `In ${disciplineName(discipline)}` : "All disciplines (choose one in the header to narrow)"} bodyClassName="p-0" data-testid="instance-browser">
      <div className="flex flex-wrap gap-2 border-b border-zinc-200 p-2">
        <Select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="instance-kind">
          <option value="">Every kind</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </Select>
        {focus && (
          <span className="flex items-center gap-1 rounded-md bg-accent-50 px-2 text-xs text-accent-700" data-testid="instance-focus">
            Teaches {focus.label}
            <button type="button" aria-label="Clear" className="ml-1 text-accent-700 hover:text-accent-900" onClick={() => setFocus(null)}>
              ×
            </button>
          </span>
        )}
        {!focus && <span className="self-center text-xs text-zinc-500">Click what an instance teaches to see every instance that teaches it.</span>}
      </div>
      {isLoading ? (
        <SkeletonRows rows={5} className="p-4" />
      ) : items.length === 0 ? (
        <EmptyState title="No instances match">Change the filters.</EmptyState>
      ) : (
        <ul className="max-h-[36rem] divide-y divide-zinc-100 overflow-y-auto">
          {items.map((x) => (
            <li key={x.id} className="px-4 py-2.5" data-testid="training-instance">
              <div className="flex items-center gap-2 text-xs text-zinc-500">
                <span className="tabular-nums">#{x.position + 1}</span>
                <Badge>{x.kind}</Badge>
                <span>{x.discipline.name}</span>
                <span className="ml-auto flex min-w-0 gap-1">
                  {x.teaches.map((t) => (
                    <button key={t.id} type="button" onClick={() => setFocus(t)} className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-700 hover:bg-accent-50 hover:text-accent-700" title={`Every instance that teaches this ${t.level === "L1" ? "concept" : "relation"}`}>
                      {t.level} {t.label}
                    </button>
                  ))}
                </span>
              </div>
              <p className="mt-1 text-sm text-zinc-900">
                <span className="mr-1 text-xs font-medium text-zinc-400">user</span>
                {x.prompt}
              </p>
              <p className="mt-0.5 text-sm text-zinc-700">
                <span className="mr-1 text-xs font-medium text-zinc-400">assistant</span>
                {x.completion}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={!!hasNextPage} loading={isFetchingNextPage} onLoad={() => void fetchNextPage()} />
    </Card>
  );
}
