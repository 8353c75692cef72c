"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorMessage, fieldErrors, isApiError } from "@/lib/client/api";
import { useDeleteExternalScore, useImportExternalScores, useSaveExternalScore, type DashboardReport } from "@/lib/client/dashboards";
import { formatRelative } from "@/lib/client/format";
import { useCan } from "@/lib/client/session";

const EXAMPLE = "model,benchmark,score\nV1,GPQA,41.2\nV2,GPQA,44.9";

/** The external scores: a table anyone reads; leads enter one, change one, delete one, or import a CSV. */
export function ScoresEditor({ report: r }: { report: DashboardReport }) {
  const canEdit = useCan("external-scores:edit");
  const scores = r.external.scores;
  const remove = useDeleteExternalScore();
  // The row being changed, put into the form (the key starts the form afresh with it).
  const [draft, setDraft] = useState<{ key: number; model: string; benchmark: string; score: string } | null>(null);
  return (
    <Card title="External scores" description={canEdit ? "One score per version and external benchmark; entering it again changes it" : "Leads and admins enter and import these"} data-testid="external-scores">
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 overflow-x-auto">
          {scores.length === 0 ? (
            <p className="text-sm text-zinc-500">No score yet.</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Benchmark</Th>
                  <Th>Version</Th>
                  <Th numeric>Score</Th>
                  <Th>Entered</Th>
                  {canEdit && <Th className="w-0" />}
                </tr>
              </thead>
              <tbody>
                {scores.map((s) => (
                  <Tr key={s.id} data-testid="external-score" data-benchmark={s.benchmark} data-model={s.model}>
                    <Td>{s.benchmark}</Td>
                    <Td>{s.model}</Td>
                    <Td numeric>{s.score}</Td>
                    <Td className="text-xs text-zinc-500">
                      {s.updatedBy ?? "someone"}, {formatRelative(s.updatedAt)}
                    </Td>
                    {canEdit && (
                      <Td className="whitespace-nowrap">
                        <Button size="sm" variant="ghost" onClick={() => setDraft({ key: Date.now(), model: s.model, benchmark: s.benchmark, score: String(s.score) })} data-testid="external-score-edit" aria-label={`Change ${s.model}'s ${s.benchmark} score`}>
                          Edit
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => remove.mutate(s.id)} disabled={remove.isPending} data-testid="external-score-delete" aria-label={`Delete ${s.model}'s ${s.benchmark} score`}>
                          Delete
                        </Button>
                      </Td>
                    )}
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
          {remove.error && <ErrorAlert className="mt-2">{errorMessage(remove.error)}</ErrorAlert>}
        </div>
        {canEdit && (
          <div className="space-y-6">
            <EntryForm key={draft?.key ?? 0} report={r} draft={draft} />
            <ImportForm />
          </div>
        )}
      </div>
    </Card>
  );
}

function EntryForm({ report: r, draft }: { report: DashboardReport; draft: { model: string; benchmark: string; score: string } | null }) {
  const save = useSaveExternalScore();
  const [model, setModel] = useState(draft?.model ?? r.available.at(-1)?.name ?? "");
  const [benchmark, setBenchmark] = useState(draft?.benchmark ?? "");
  const [score, setScore] = useState(draft?.score ?? "");
  // A score of a version not evaluated here can still be changed: it is offered too.
  const versions = [...new Set([...r.available.map((a) => a.name), ...(draft ? [draft.model] : [])])];
  const errors = fieldErrors(save.error);
  const known = [...new Set(r.external.scores.map((s) => s.benchmark))];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ model, benchmark, score: Number(score) }, { onSuccess: () => setScore("") });
  };
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="external-score-form">
      <h3 className="text-xs font-semibold text-zinc-700">{draft ? `Change ${draft.model}'s ${draft.benchmark} score` : "Enter or change a score"}</h3>
      <div className="grid grid-cols-[1fr_1fr_6rem] gap-2">
        <div>
          <FieldLabel htmlFor="score-model">Version</FieldLabel>
          <Select id="score-model" value={model} onChange={(e) => setModel(e.target.value)} className="w-full" data-testid="external-score-model">
            {versions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <FieldLabel htmlFor="score-benchmark">Benchmark</FieldLabel>
          <Input id="score-benchmark" list="known-benchmarks" value={benchmark} onChange={(e) => setBenchmark(e.target.value)} placeholder="GPQA" className="w-full" data-testid="external-score-benchmark" />
          <datalist id="known-benchmarks">
            {known.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </div>
        <div>
          <FieldLabel htmlFor="score-value">Score</FieldLabel>
          <Input id="score-value" inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} placeholder="41.2" className="w-full" data-testid="external-score-value" />
        </div>
      </div>
      {save.error && <ErrorAlert>{Object.values(errors).length ? Object.entries(errors).map(([f, m]) => `${f}: ${m}`).join("; ") : errorMessage(save.error)}</ErrorAlert>}
      <Button type="submit" variant="primary" size="sm" loading={save.isPending} disabled={!model || !benchmark.trim() || score.trim() === "" || Number.isNaN(Number(score))} data-testid="external-score-save">
        Save score
      </Button>
    </form>
  );
}

function ImportForm() {
  const importCsv = useImportExternalScores();
  const [csv, setCsv] = useState("");
  const lines = isApiError(importCsv.error) ? ((importCsv.error.details as { lines?: { line: number; message: string }[] } | undefined)?.lines ?? []) : [];
  const pick = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };
  return (
    <div className="space-y-2" data-testid="external-import">
      <h3 className="text-xs font-semibold text-zinc-700">Import a CSV</h3>
      <p className="text-xs text-zinc-500">
        Header <code className="rounded bg-zinc-100 px-1">model,benchmark,score</code>, one score per line. Every line is checked first: a bad one is reported by its number and nothing is imported.
      </p>
      <textarea value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={EXAMPLE} rows={4} className="w-full rounded-md border-0 px-2.5 py-1.5 font-mono text-xs text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-accent-500 focus:outline-none" aria-label="CSV of scores" data-testid="external-import-text" />
      <div className="flex items-center gap-2">
        <label className="inline-flex h-7 cursor-pointer items-center rounded-md px-2.5 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50">
          Choose a file…
          <input type="file" accept=".csv,text/csv" className="sr-only" onChange={(e) => void pick(e.target.files?.[0])} data-testid="external-import-file" />
        </label>
        <Button size="sm" variant="primary" onClick={() => importCsv.mutate(csv, { onSuccess: () => setCsv("") })} loading={importCsv.isPending} disabled={!csv.trim()} data-testid="external-import-submit">
          Import
        </Button>
        {importCsv.data && (
          <span className="text-xs text-emerald-700" data-testid="external-import-done">
            {importCsv.data.imported} imported: {importCsv.data.created} new, {importCsv.data.updated} changed
          </span>
        )}
      </div>
      {importCsv.error && (
        <ErrorAlert title={errorMessage(importCsv.error)} data-testid="external-import-errors">
          <ul className="list-disc pl-4 text-xs">
            {lines.map((l) => (
              <li key={l.line}>
                Line {l.line}: {l.message}
              </li>
            ))}
          </ul>
        </ErrorAlert>
      )}
    </div>
  );
}
