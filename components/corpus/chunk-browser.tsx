"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useDocument } from "@/lib/client/corpus";
import { formatInt } from "@/lib/client/format";
import { DocumentMeta } from "./document-meta";

type Props = { documentId: string | null; onClose: () => void };

/** One document read the way the pipeline sees it: its metadata, then its chunks in order. */
export function ChunkBrowser({ documentId, onClose }: Props) {
  const doc = useDocument(documentId);
  const first = doc.data?.pages[0];
  const chunks = doc.data?.pages.flatMap((p) => p.chunks.items) ?? [];

  return (
    <Card
      title={first?.document.title ?? "Chunks"}
      description={first ? `${formatInt(first.document.chunkCount)} chunks · ${formatInt(first.document.tokens)} tokens` : "Select a document to read its chunks"}
      className="h-[40rem]"
      bodyClassName="flex min-h-0 flex-col p-0"
      data-testid="chunk-browser"
      actions={
        documentId && (
          <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close document">
            Close
          </Button>
        )
      }
    >
      {!documentId ? (
        <EmptyState title="No document selected" className="h-full">
          Select a document on the left to see its metadata and its chunks in reading order.
        </EmptyState>
      ) : doc.isPending ? (
        <div className="space-y-3 p-4">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-32 w-full" />
          <Skeleton className="h-32 w-full" />
        </div>
      ) : doc.isError ? (
        <div className="p-4">
          <ErrorAlert title="Could not load this document">{errorMessage(doc.error)}</ErrorAlert>
        </div>
      ) : (
        // Keyed by document so a newly selected one opens scrolled to its top.
        <div key={documentId} className="min-h-0 flex-1 overflow-y-auto">
          <DocumentMeta document={first!.document} />
          {chunks.length === 0 ? (
            <EmptyState title="This document has no chunks">Every part of it was dropped as too short, boilerplate, symbols or a duplicate; the import report lists why.</EmptyState>
          ) : (
            <ol aria-label="Chunks" className="divide-y divide-zinc-100">
              {chunks.map((c) => (
                <li key={c.id} data-testid="chunk" data-ordinal={c.ordinal} className="px-5 py-4">
                  <div className="mb-2 flex items-baseline gap-3">
                    <span className="shrink-0 font-mono text-xs text-zinc-400">#{c.ordinal}</span>
                    <h3 className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">
                      {c.heading || <span className="font-normal text-zinc-400">No heading</span>}
                    </h3>
                    <span className="shrink-0 text-xs text-zinc-500 tabular-nums">{formatInt(c.tokens)} tokens</span>
                  </div>
                  <p className="max-w-prose text-[13px] leading-6 break-words whitespace-pre-wrap text-zinc-700">{c.text}</p>
                </li>
              ))}
            </ol>
          )}
          {doc.hasNextPage && (
            <div className="flex justify-center border-t border-zinc-100 p-3">
              <Button size="sm" onClick={() => doc.fetchNextPage()} loading={doc.isFetchingNextPage} data-testid="chunks-load-more">
                Load more ({formatInt(chunks.length)} of {formatInt(first!.document.chunkCount)})
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
