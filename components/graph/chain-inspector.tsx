"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { useReview } from "@/lib/client/curation";
import type { ChainItem } from "@/lib/client/knowledge";
import { ReviewButtons } from "./review-buttons";

type Props = { chain: ChainItem; canEdit: boolean; review: ReturnType<typeof useReview>; /** the item's comment thread */ thread?: ReactNode };

/** An L3 chain under review: its steps as sentences, its status, approve and reject (A / R act on it). */
export function ChainInspector({ chain, canEdit, review, thread }: Props) {
  return (
    <div className="space-y-3 text-xs" data-testid="chain-inspector" data-chain-id={chain.id}>
      {chain.summary && <p className="text-sm text-zinc-800">{chain.summary}</p>}
      <ol className="list-decimal space-y-1 pl-4 text-zinc-700">
        {chain.steps.map((s) => (
          <li key={s.position}>
            <span className="font-medium">{s.relation.subject.name}</span> <span className="font-mono text-accent-700">{s.relation.predicate}</span>{" "}
            <span className="font-medium">{s.relation.object.name}</span>
          </li>
        ))}
      </ol>
      <Badge>{chain.status.toLowerCase()}</Badge>
      {canEdit && <ReviewButtons level="chain" id={chain.id} status={chain.status} review={review} />}
      {thread}
    </div>
  );
}
