"use client";

import { Badge } from "@/components/ui/badge";
import { useRelationDetail, type useReview } from "@/lib/client/curation";
import type { GraphRelation } from "@/lib/client/graph";
import { HistoryList } from "./history-list";
import { ReviewButtons } from "./review-buttons";

/** The chunk with the evidence sentence marked, so the reviewer reads it in context. */
function Evidence({ text, evidence }: { text: string; evidence: string }) {
  const at = text.replace(/\s+/g, " ").indexOf(evidence.replace(/\s+/g, " "));
  const flat = text.replace(/\s+/g, " ");
  if (at < 0) return <p className="text-zinc-600">{flat}</p>;
  return (
    <p className="max-h-48 overflow-y-auto text-zinc-600" data-testid="relation-chunk">
      {flat.slice(0, at)}
      <mark className="rounded bg-amber-100 px-0.5 text-zinc-900" data-testid="evidence-mark">
        {flat.slice(at, at + evidence.replace(/\s+/g, " ").length)}
      </mark>
      {flat.slice(at + evidence.replace(/\s+/g, " ").length)}
    </p>
  );
}

export function RelationInspector({ relation, nameOf, canEdit, review }: { relation: GraphRelation; nameOf: (id: string) => string; canEdit: boolean; review: ReturnType<typeof useReview> }) {
  const { data } = useRelationDetail(relation.id);
  return (
    <div className="space-y-3 text-xs" data-testid="relation-inspector">
      <p className="text-sm">
        <span className="font-medium">{nameOf(relation.subjectId)}</span> <span className="font-mono text-accent-700">{relation.predicate}</span>{" "}
        <span className="font-medium">{nameOf(relation.objectId)}</span>
      </p>
      <Badge>{relation.status.toLowerCase()}</Badge>
      {canEdit && <ReviewButtons level="relation" id={relation.id} status={relation.status} review={review} />}
      {data?.chunk ? (
        <div className="space-y-1 border-t border-zinc-100 pt-2">
          <p className="font-medium text-zinc-700">Source: {data.chunk.document.title}{data.chunk.heading ? ` · ${data.chunk.heading}` : ""}</p>
          <Evidence text={data.chunk.text} evidence={relation.evidence} />
        </div>
      ) : (
        <p className="text-zinc-500 italic">“{relation.evidence}”</p>
      )}
      <div className="border-t border-zinc-100 pt-2">
        <p className="mb-1 font-medium text-zinc-700">History</p>
        <HistoryList type="relation" id={relation.id} />
      </div>
    </div>
  );
}
