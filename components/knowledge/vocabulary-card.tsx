"use client";

import { useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import { useSaveVocabulary, useVocabulary, type PredicateRow } from "@/lib/client/knowledge";
import { useCan } from "@/lib/client/session";

/** The discipline's predicates with their phrasing both ways; experts edit them, others read. */
export function VocabularyCard({ discipline }: { discipline: string }) {
  const canEdit = useCan("knowledge:edit");
  const { data } = useVocabulary(discipline);
  const save = useSaveVocabulary(discipline);
  const [rows, setRows] = useState<PredicateRow[]>([]);
  useEffect(() => setRows(data?.items ?? []), [data]);
  const dirty = JSON.stringify(rows) !== JSON.stringify(data?.items ?? []);
  const set = (i: number, k: keyof PredicateRow, v: string) => setRows((r) => r.map((row, j) => (j === i ? { ...row, [k]: v } : row)));

  return (
    <Card title="Predicate vocabulary" description="Relations may only use these; each reads both ways" bodyClassName="p-0" data-testid="vocabulary-card">
      <ul className="max-h-96 divide-y divide-zinc-100 overflow-y-auto text-xs">
        {rows.map((p, i) => (
          <li key={i} className="grid grid-cols-[6.5rem_minmax(0,1fr)_minmax(0,1fr)_auto] items-center gap-1.5 px-3 py-1.5" data-testid="predicate-row">
            {canEdit ? (
              <>
                <Input aria-label="Predicate name" value={p.name} onChange={(e) => set(i, "name", e.target.value)} className="h-7 w-full min-w-0 px-1.5 font-mono text-xs" />
                <Input aria-label="Phrase" value={p.phrase} onChange={(e) => set(i, "phrase", e.target.value)} className="h-7 w-full min-w-0 px-1.5 text-xs" />
                <Input aria-label="Inverse phrase" value={p.inverse} onChange={(e) => set(i, "inverse", e.target.value)} className="h-7 w-full min-w-0 px-1.5 text-xs" />
                <button type="button" aria-label={`Remove ${p.name}`} onClick={() => setRows((r) => r.filter((_, j) => j !== i))} className="px-1 text-zinc-400 hover:text-red-600">
                  ×
                </button>
              </>
            ) : (
              <>
                <span className="font-mono text-zinc-900">{p.name}</span>
                <span className="text-zinc-600">{p.phrase}</span>
                <span className="text-zinc-500">{p.inverse}</span>
                <span />
              </>
            )}
          </li>
        ))}
      </ul>
      {save.error && <ErrorAlert className="m-3">{errorMessage(save.error)}</ErrorAlert>}
      {canEdit && (
        <div className="flex justify-between gap-2 border-t border-zinc-200 p-3">
          <Button size="sm" variant="ghost" disabled={!data} onClick={() => setRows((r) => [...r, { name: "", phrase: "", inverse: "" }])}>
            Add predicate
          </Button>
          <Button size="sm" variant="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(rows)} data-testid="vocabulary-save">
            Save vocabulary
          </Button>
        </div>
      )}
    </Card>
  );
}
