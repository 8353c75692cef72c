"use client";

import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { useReview, useUpdateConcept } from "@/lib/client/curation";
import type { GraphConcept, GraphRelation } from "@/lib/client/graph";
import { HistoryList } from "./history-list";
import { ReviewButtons } from "./review-buttons";

type Props = { concept: GraphConcept; around: GraphRelation[]; nameOf: (id: string) => string; canEdit: boolean; onFocus: () => void; review: ReturnType<typeof useReview> };

export function ConceptInspector({ concept, around, nameOf, canEdit, onFocus, review }: Props) {
  const update = useUpdateConcept();
  const [definition, setDefinition] = useState(concept.definition ?? "");
  useEffect(() => setDefinition(concept.definition ?? ""), [concept.id, concept.definition]);
  return (
    <div className="space-y-3 text-xs" data-testid="concept-inspector">
      <div className="flex items-center gap-2">
        <Badge>{concept.status.toLowerCase()}</Badge>
        {concept.aliases.length > 0 && <span className="text-zinc-500">also {concept.aliases.join(", ")}</span>}
      </div>
      {canEdit ? (
        <div className="space-y-1.5">
          <label htmlFor="concept-definition" className="font-medium text-zinc-700">
            Definition
          </label>
          <textarea
            id="concept-definition"
            value={definition}
            onChange={(e) => setDefinition(e.target.value)}
            rows={4}
            className="w-full rounded-md p-2 ring-1 ring-zinc-300 focus:ring-2 focus:ring-accent-500 focus:outline-none"
            data-testid="concept-definition"
          />
          <Button size="sm" disabled={definition === (concept.definition ?? "")} loading={update.isPending} onClick={() => update.mutate({ id: concept.id, definition: definition || null })} data-testid="concept-save">
            Save definition
          </Button>
          {update.error && <p role="alert" className="text-red-700">{errorMessage(update.error)}</p>}
        </div>
      ) : (
        <p className="text-zinc-700">{concept.definition ?? "No definition yet."}</p>
      )}
      {canEdit && <ReviewButtons level="concept" id={concept.id} status={concept.status} review={review} />}
      <ul className="space-y-1.5 border-t border-zinc-100 pt-2">
        {around.map((r) => (
          <li key={r.id}>
            {nameOf(r.subjectId)} <span className="font-mono text-accent-700">{r.predicate}</span> {nameOf(r.objectId)}
            <p className="text-zinc-500 italic">“{r.evidence}”</p>
          </li>
        ))}
      </ul>
      <Button size="sm" onClick={onFocus}>
        Focus on it
      </Button>
      <div className="border-t border-zinc-100 pt-2">
        <p className="mb-1 font-medium text-zinc-700">History</p>
        <HistoryList type="concept" id={concept.id} />
      </div>
    </div>
  );
}
