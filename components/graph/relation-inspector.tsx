"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import { useRelationDetail, useUpdateRelation, type useReview } from "@/lib/client/curation";
import type { PredicateRow } from "@/lib/client/knowledge";
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

type Props = {
  relation: GraphRelation;
  vocabulary: PredicateRow[];
  nameOf: (id: string) => string;
  canEdit: boolean;
  review: ReturnType<typeof useReview>;
  /** the item's comment thread, shown after the evidence it is usually about */
  thread?: ReactNode;
};

export function RelationInspector({ relation, vocabulary, nameOf, canEdit, review, thread }: Props) {
  const { data } = useRelationDetail(relation.id);
  const update = useUpdateRelation();
  const [predicate, setPredicate] = useState(relation.predicate);
  const [evidence, setEvidence] = useState(relation.evidence);
  useEffect(() => {
    setPredicate(relation.predicate);
    setEvidence(relation.evidence);
  }, [relation.id, relation.predicate, relation.evidence]);
  return (
    <div className="space-y-3 text-xs" data-testid="relation-inspector">
      <p className="text-sm">
        <span className="font-medium">{nameOf(relation.subjectId)}</span> <span className="font-mono text-accent-700">{relation.predicate}</span>{" "}
        <span className="font-medium">{nameOf(relation.objectId)}</span>
      </p>
      <Badge>{relation.status.toLowerCase()}</Badge>
      {canEdit && <ReviewButtons level="relation" id={relation.id} status={relation.status} review={review} />}
      {canEdit && (
        <div className="space-y-1.5 border-t border-zinc-100 pt-2">
          <Select aria-label="Relation predicate" value={predicate} onChange={(e) => setPredicate(e.target.value)} className="w-full text-xs">
            {vocabulary.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} ({p.phrase})
              </option>
            ))}
          </Select>
          <textarea aria-label="Evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} rows={3} className="w-full rounded-md p-2 ring-1 ring-zinc-300" />
          <Button size="sm" disabled={predicate === relation.predicate && evidence === relation.evidence} loading={update.isPending} onClick={() => update.mutate({ id: relation.id, predicate, evidence })}>
            Save relation
          </Button>
          {update.error && <p role="alert" className="text-red-700">{errorMessage(update.error)}</p>}
        </div>
      )}
      {data?.chunk ? (
        <div className="space-y-1 border-t border-zinc-100 pt-2">
          <p className="font-medium text-zinc-700">Source: {data.chunk.document.title}{data.chunk.heading ? ` · ${data.chunk.heading}` : ""}</p>
          <Evidence text={data.chunk.text} evidence={relation.evidence} />
        </div>
      ) : (
        <p className="text-zinc-500 italic">“{relation.evidence}”</p>
      )}
      {thread}
      <div className="border-t border-zinc-100 pt-2">
        <p className="mb-1 font-medium text-zinc-700">History</p>
        <HistoryList type="relation" id={relation.id} />
      </div>
    </div>
  );
}
