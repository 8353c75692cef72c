"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useCorpusStats, type CorpusTotals as Totals } from "@/lib/client/corpus";
import { formatInt } from "@/lib/client/format";

const METRICS: { key: keyof Totals; label: string }[] = [
  { key: "documents", label: "Documents" },
  { key: "chunks", label: "Chunks" },
  { key: "tokens", label: "Tokens" },
];

/** Corpus-wide totals; with a discipline selected, its share is shown under each. */
export function CorpusTotals({ discipline }: { discipline: string | null }) {
  const { data, error, isPending } = useCorpusStats();
  if (error) return <ErrorAlert title="Could not load corpus statistics">{errorMessage(error)}</ErrorAlert>;
  const selected = discipline ? data?.disciplines.find((d) => d.slug === discipline) : undefined;

  return (
    <dl className="grid grid-cols-3 gap-4" data-testid="corpus-totals">
      {METRICS.map(({ key, label }) => (
        <div key={key} className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs" data-testid={`total-${key}`}>
          <dt className="text-xs font-medium text-zinc-500">{label}</dt>
          <dd className="mt-1 h-8 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">
            {isPending ? <Skeleton className="mt-1 h-6 w-24" /> : formatInt(data?.total[key])}
          </dd>
          <dd className="h-4 truncate text-xs text-zinc-500">
            {selected ? (
              <>
                {selected.name}: <span className="tabular-nums">{formatInt(selected[key])}</span>
              </>
            ) : (
              "All disciplines"
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
