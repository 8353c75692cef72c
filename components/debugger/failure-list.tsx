"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { LoadMore } from "@/components/ui/load-more";
import { ProgressBar } from "@/components/ui/progress-bar";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { useReviewers, useTraces, type DebugRunDetail, type TraceFilters } from "@/lib/client/debugger";
import { DIAGNOSES } from "@/lib/domain/debugger";
import { hrefWith } from "@/lib/client/url";
import { DIAGNOSIS_LABEL, DIAGNOSIS_TONE } from "./labels";

const CHOSEN = ["INVREL", "TRUNC", "NEARMISS"] as const;

function filtersOf(params: URLSearchParams): TraceFilters {
  const pick = <T extends string>(value: string | null, allowed: readonly T[]) => ((allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined);
  return { discipline: params.get("discipline") ?? undefined, diagnosis: pick(params.get("diagnosis"), DIAGNOSES), chose: pick(params.get("chose"), CHOSEN), reviewed: pick(params.get("reviewed"), ["true", "false"] as const), assignee: params.get("assignee") || undefined };
}

/** A debug run's failures, filtered in the URL, with review progress; each opens its trace. */
export function FailureList({ run }: { run: DebugRunDetail }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const f = filtersOf(params);
  const traces = useTraces(run.id, f);
  const reviewers = useReviewers("trace").data?.items ?? [];
  const rows = traces.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: string, value: string) => router.replace(hrefWith(pathname, params, { [key]: value || null }), { scroll: false });
  return (
    <Card title="Failures" description={`${run.reviewed} of ${run.traced} reviewed`} bodyClassName="p-0" data-testid="failure-list">
      <div className="space-y-2 border-b border-zinc-200 px-4 py-2.5">
        <ProgressBar value={run.traced ? run.reviewed / run.traced : 0} tone="green" label="failures reviewed" />
        <div className="flex flex-wrap gap-2">
          <Select aria-label="Discipline" value={f.discipline ?? ""} onChange={(e) => set("discipline", e.target.value)}>
            <option value="">all disciplines</option>
            {run.disciplines.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name} ({d.n})
              </option>
            ))}
          </Select>
          <Select aria-label="Diagnosis" value={f.diagnosis ?? ""} onChange={(e) => set("diagnosis", e.target.value)} data-testid="failures-diagnosis">
            <option value="">any diagnosis</option>
            {DIAGNOSES.map((d) => (
              <option key={d} value={d}>
                {DIAGNOSIS_LABEL[d]}
              </option>
            ))}
          </Select>
          <Select aria-label="Chosen distractor" value={f.chose ?? ""} onChange={(e) => set("chose", e.target.value)}>
            <option value="">any chosen option</option>
            {CHOSEN.map((c) => (
              <option key={c} value={c}>
                chose {c}
              </option>
            ))}
          </Select>
          <Select aria-label="Reviewed" value={f.reviewed ?? ""} onChange={(e) => set("reviewed", e.target.value)}>
            <option value="">reviewed or not</option>
            <option value="false">to review</option>
            <option value="true">reviewed</option>
          </Select>
          <Select aria-label="Assignee" value={f.assignee ?? ""} onChange={(e) => set("assignee", e.target.value)} data-testid="failures-assignee">
            <option value="">anyone&apos;s</option>
            <option value="me">assigned to me</option>
            <option value="none">unassigned</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}&apos;s
              </option>
            ))}
          </Select>
        </div>
      </div>
      {traces.isLoading ? (
        <SkeletonRows rows={5} className="p-4" />
      ) : !rows.length ? (
        <EmptyState title="No failure matches">Clear a filter to see more.</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th numeric>#</Th>
              <Th>Question</Th>
              <Th>Diagnosis</Th>
              <Th>Chose</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <Tr key={t.id} data-testid="failure-row" data-diagnosis={t.diagnosis}>
                <Td numeric className="text-xs text-zinc-500">{t.position + 1}</Td>
                <Td className="max-w-lg">
                  <Link href={`/debugger/traces/${t.id}`} className="line-clamp-2 text-sm text-zinc-900 hover:text-accent-700 hover:underline" data-testid="failure-open">
                    {t.stem}
                  </Link>
                  <span className="text-xs text-zinc-500">{t.discipline.name}</span>
                  {t.reviewed && <Badge tone="green" className="ml-2">reviewed</Badge>}
                  {t.assignee && <span className="ml-2 text-xs text-zinc-500" data-testid="failure-assignee">→ {t.assignee.name}</span>}
                </Td>
                <Td className="whitespace-nowrap">
                  <Badge tone={DIAGNOSIS_TONE[t.diagnosis]}>{DIAGNOSIS_LABEL[t.diagnosis]}</Badge>
                  {t.step !== null && <span className="ml-1 text-xs text-zinc-500">step {t.step + 1}</span>}
                </Td>
                <Td className="font-mono text-[11px] text-zinc-500">{t.chosenOperator ?? <span className="font-sans" title="The model named no option">none</span>}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <LoadMore hasMore={!!traces.hasNextPage} loading={traces.isFetchingNextPage} onLoad={() => void traces.fetchNextPage()} />
    </Card>
  );
}
