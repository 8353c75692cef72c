"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { useCorpusStats, useDocuments } from "@/lib/client/corpus";
import { formatInt } from "@/lib/client/format";
import { useDebounced } from "@/lib/client/use-debounced";

type Props = { discipline: string | null; selectedId: string | null; onSelect: (id: string) => void };

export function DocumentList({ discipline, selectedId, onSelect }: Props) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 250);
  const docs = useDocuments({ discipline: discipline ?? undefined, q: q || undefined });
  const { data: stats } = useCorpusStats();
  const scope = discipline ? stats?.disciplines.find((d) => d.slug === discipline) : stats?.total;
  const scopeName = discipline ? (stats?.disciplines.find((d) => d.slug === discipline)?.name ?? discipline) : "All disciplines";
  const rows = docs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title="Documents"
      description={scope ? `${scopeName} · ${formatInt(scope.documents)} documents` : scopeName}
      className="h-[40rem]"
      bodyClassName="flex min-h-0 flex-col p-0"
      data-testid="documents"
      actions={
        <Input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search title or path"
          aria-label="Search documents"
          data-testid="document-search"
          className="w-56"
        />
      }
    >
      {docs.isPending ? (
        <SkeletonRows rows={10} />
      ) : docs.isError ? (
        <div className="p-4">
          <ErrorAlert title="Could not load the documents">{errorMessage(docs.error)}</ErrorAlert>
        </div>
      ) : rows.length === 0 ? (
        q ? (
          <EmptyState title={`No documents match “${q}”`}>Search looks at titles and source paths{discipline ? ` in ${scopeName}` : ""}.</EmptyState>
        ) : (
          <EmptyState title={discipline ? `No documents in ${scopeName} yet.` : "No documents yet."}>
            Import files above or run <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs text-zinc-700">npx proda import &lt;folder&gt;</code>.
          </EmptyState>
        )
      ) : (
        <div className="min-h-0 flex-1 overflow-y-auto" aria-busy={docs.isPlaceholderData || undefined}>
          <Table className={docs.isPlaceholderData ? "opacity-60 transition-opacity" : "transition-opacity"}>
            <thead>
              <tr>
                <Th>Document</Th>
                <Th>Format</Th>
                <Th>License</Th>
                <Th numeric>Chunks</Th>
                <Th numeric>Tokens</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <Tr key={d.id} interactive selected={d.id === selectedId} onClick={() => onSelect(d.id)} data-testid="document-row" data-document-id={d.id}>
                  <Td className="max-w-0 w-full">
                    <button type="button" className="block max-w-full truncate text-left font-medium text-zinc-900" title={d.title}>
                      {d.title}
                    </button>
                    <p className="truncate text-xs text-zinc-500" title={d.sourcePath}>
                      {!discipline && <span className="text-zinc-600">{d.discipline.name} · </span>}
                      <span className="font-mono">{d.sourcePath}</span>
                    </p>
                  </Td>
                  <Td>
                    <span className="font-mono text-xs text-zinc-600 uppercase">{d.format}</span>
                  </Td>
                  <Td className="max-w-32 truncate text-xs text-zinc-600" title={d.license ?? undefined}>
                    {d.license ?? <span className="text-zinc-400">–</span>}
                  </Td>
                  <Td numeric>{formatInt(d.chunkCount)}</Td>
                  <Td numeric>{formatInt(d.tokens)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          {docs.hasNextPage && (
            <div className="flex justify-center p-3">
              <Button size="sm" onClick={() => docs.fetchNextPage()} loading={docs.isFetchingNextPage} data-testid="documents-load-more">
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
