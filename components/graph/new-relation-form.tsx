"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import { useCreateRelation } from "@/lib/client/curation";
import { useVocabulary } from "@/lib/client/knowledge";

type Props = { discipline: string; subjectId: string; objectId: string; nameOf: (id: string) => string; onDone: () => void };

/** The relation drawn by connecting two nodes: choose its predicate (and evidence), then save. */
export function NewRelationForm({ discipline, subjectId, objectId, nameOf, onDone }: Props) {
  const { data } = useVocabulary(discipline);
  const create = useCreateRelation();
  const [predicate, setPredicate] = useState("");
  const [evidence, setEvidence] = useState("");
  return (
    <form
      className="space-y-2 text-xs"
      data-testid="new-relation"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ subjectId, predicate, objectId, evidence }, { onSuccess: onDone });
      }}
    >
      <p>
        <span className="font-medium">{nameOf(subjectId)}</span> → <span className="font-medium">{nameOf(objectId)}</span>
      </p>
      <Select aria-label="Predicate" value={predicate} onChange={(e) => setPredicate(e.target.value)} className="w-full" data-testid="new-relation-predicate">
        <option value="">Choose a predicate…</option>
        {data?.items.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name} ({p.phrase})
          </option>
        ))}
      </Select>
      <Input aria-label="Evidence" placeholder="Evidence sentence (optional)" value={evidence} onChange={(e) => setEvidence(e.target.value)} className="w-full" />
      {create.error && <p role="alert" className="text-red-700">{errorMessage(create.error)}</p>}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={!predicate} loading={create.isPending} data-testid="new-relation-save">
          Create relation
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
