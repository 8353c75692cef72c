"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { useMergeConcepts, useReview, useUpdateConcept } from "@/lib/client/curation";
import { Input } from "@/components/ui/field";
import type { GraphConcept, GraphRelation } from "@/lib/client/graph";
import { HistoryList } from "./history-list";
import { ReviewButtons } from "./review-buttons";

type Props = {
  concept: GraphConcept;
  around: GraphRelation[];
  /** other concepts in view, candidates for a merge */
  others: GraphConcept[];
  nameOf: (id: string) => string;
  canEdit: boolean;
  onFocus: () => void;
  review: ReturnType<typeof useReview>;
  /** the item's comment thread, shown beside the decision */
  thread?: ReactNode;
};

export function ConceptInspector({ concept, around, others, nameOf, canEdit, onFocus, review, thread }: Props) {
  const update = useUpdateConcept();
  const merge = useMergeConcepts();
  const [definition, setDefinition] = useState(concept.definition ?? "");
  const [name, setName] = useState(concept.name);
  const [aliases, setAliases] = useState(concept.aliases.join(", "));
  const [mergeId, setMergeId] = useState("");
  // Reset the form when the concept's stored values change, not when a refetch hands over an
  // equal copy (a new aliases array on every fetch would wipe what the expert is typing).
  const storedAliases = concept.aliases.join(", ");
  useEffect(() => {
    setDefinition(concept.definition ?? "");
    setName(concept.name);
    setAliases(storedAliases);
  }, [concept.id, concept.definition, concept.name, storedAliases]);
  const aliasList = aliases.split(",").map((a) => a.trim()).filter(Boolean);
  const changed = definition !== (concept.definition ?? "") || name !== concept.name || aliasList.join("|") !== concept.aliases.join("|");
  return (
    <div className="space-y-3 text-xs" data-testid="concept-inspector">
      <div className="flex items-center gap-2">
        <Badge>{concept.status.toLowerCase()}</Badge>
        {concept.aliases.length > 0 && <span className="text-zinc-500">also {concept.aliases.join(", ")}</span>}
      </div>
      {canEdit ? (
        <div className="space-y-1.5">
          <Input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} className="w-full text-xs" data-testid="concept-name" />
          <Input aria-label="Aliases" placeholder="Aliases, comma-separated" value={aliases} onChange={(e) => setAliases(e.target.value)} className="w-full text-xs" />
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
          <Button
            size="sm"
            disabled={!changed || !name.trim()}
            loading={update.isPending}
            onClick={() => update.mutate({ id: concept.id, name, aliases: aliasList, definition: definition || null })}
            data-testid="concept-save"
          >
            Save
          </Button>
          {update.error && <p role="alert" className="text-red-700">{errorMessage(update.error)}</p>}
        </div>
      ) : (
        <p className="text-zinc-700">{concept.definition ?? "No definition yet."}</p>
      )}
      {canEdit && <ReviewButtons level="concept" id={concept.id} status={concept.status} review={review} />}
      {thread}
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
      {canEdit && others.length > 0 && (
        <div className="flex gap-2 border-t border-zinc-100 pt-2">
          <select aria-label="Duplicate to merge into this concept" value={mergeId} onChange={(e) => setMergeId(e.target.value)} className="min-w-0 flex-1 rounded-md text-xs ring-1 ring-zinc-300">
            <option value="">Merge a duplicate into it…</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <Button size="sm" disabled={!mergeId} loading={merge.isPending} onClick={() => merge.mutate({ keepId: concept.id, mergeId }, { onSuccess: () => setMergeId("") })}>
            Merge
          </Button>
        </div>
      )}
      {merge.error && <p role="alert" className="text-red-700">{errorMessage(merge.error)}</p>}
      <div className="border-t border-zinc-100 pt-2">
        <p className="mb-1 font-medium text-zinc-700">History</p>
        <HistoryList type="concept" id={concept.id} />
      </div>
    </div>
  );
}
