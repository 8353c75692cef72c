"use client";

import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Badge } from "@/components/ui/badge";
import { errorMessage } from "@/lib/client/api";
import { useImports } from "@/lib/client/corpus";
import { isActiveStatus } from "@/lib/client/jobs";
import { useNow } from "@/lib/client/use-now";
import { ImportHistoryItem } from "./import-history-item";

type Props = { trackedRunId: string | null; discipline: string | null };

export function ImportHistory({ trackedRunId, discipline }: Props) {
  const { data, error, isPending } = useImports();
  const items = data?.items ?? [];
  const live = items.some((r) => isActiveStatus(r.status));
  const now = useNow(10_000);

  return (
    <Card
      title="Recent imports"
      description="The last 20 imports, newest first, from this page or the CLI"
      bodyClassName="p-0"
      data-testid="import-history"
      actions={live && <Badge tone="blue" dot pulse>Live</Badge>}
    >
      {isPending ? (
        <SkeletonRows rows={3} />
      ) : error ? (
        <div className="p-4">
          <ErrorAlert title="Could not load the imports">{errorMessage(error)}</ErrorAlert>
        </div>
      ) : items.length === 0 ? (
        <EmptyState title="No imports yet">
          Import files above or run <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs text-zinc-700">npx proda import &lt;folder&gt;</code>;
          each import leaves a report here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {items.map((run, i) => (
            <ImportHistoryItem
              key={run.id}
              run={run}
              now={now}
              discipline={discipline}
              // The newest report is open unless the import panel above already shows it.
              defaultOpen={i === 0 && run.id !== trackedRunId}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
