"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/alert";
import { FieldLabel, Select } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import { useDisciplines, useStartImport } from "@/lib/client/corpus";
import { useCan, useSessionUser } from "@/lib/client/session";
import { ROLE_INFO } from "@/lib/auth/roles";
import { FilePicker } from "./file-picker";
import { ImportRunStatus } from "./import-run-status";

const MANIFEST = "manifest.jsonl";

type Props = {
  /** The discipline the studio is scoped to, preselected for the upload. */
  discipline: string | null;
  trackedRunId: string | null;
  onStarted: (runId: string) => void;
};

export function ImportPanel(props: Props) {
  const { role } = useSessionUser();
  if (!useCan("corpus:import")) {
    return (
      <Card title="Import documents" description="Text, Markdown, HTML, PDF and Word files" data-testid="import-panel">
        <p className="text-sm leading-6 text-zinc-600" data-testid="import-not-allowed">
          Your role ({ROLE_INFO[role].label}) can browse the corpus but not import documents. Experts and admins import.
        </p>
      </Card>
    );
  }
  return <ImportForm {...props} />;
}

function ImportForm({ discipline: scoped, trackedRunId, onStarted }: Props) {
  const id = useId();
  const { data: disciplines } = useDisciplines();
  const start = useStartImport();
  const [files, setFiles] = useState<File[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Remounting the picker is the only reliable way to clear a file input.
  const [pickerKey, setPickerKey] = useState(0);

  const discipline = choice ?? scoped ?? "";
  const hasManifest = files.some((f) => f.name === MANIFEST);

  function submit(e: FormEvent) {
    e.preventDefault();
    start.reset();
    if (files.length === 0) return setProblem("Choose at least one file to import.");
    if (!discipline && !hasManifest) return setProblem("Choose a discipline, or include a manifest.jsonl that assigns one to each file.");
    setProblem(null);
    start.mutate(
      { files, discipline },
      {
        onSuccess: (run) => {
          onStarted(run.id);
          setFiles([]);
          setPickerKey((k) => k + 1);
        },
      },
    );
  }

  const error = problem ?? (start.error ? errorMessage(start.error) : null);

  return (
    <Card title="Import documents" description="Text, Markdown, HTML, PDF and Word files" data-testid="import-panel">
      <form onSubmit={submit} noValidate className="space-y-4" aria-label="Import documents">
        <FilePicker key={pickerKey} id={`${id}-files`} files={files} onChange={(picked) => {
            setFiles(picked);
            setProblem(null);
          }} />

        <div>
          <FieldLabel htmlFor={`${id}-discipline`} hint={hasManifest ? "optional" : "required"}>
            Discipline for these files
          </FieldLabel>
          <Select
            id={`${id}-discipline`}
            data-testid="import-discipline"
            value={discipline}
            onChange={(e) => {
              setChoice(e.target.value);
              setProblem(null);
            }}
            aria-describedby={`${id}-hint`}
            className="w-full"
          >
            <option value="">{hasManifest ? "From the manifest" : "Choose a discipline…"}</option>
            {disciplines?.map((d) => (
              <option key={d.id} value={d.slug}>
                {d.name}
              </option>
            ))}
          </Select>
          <p id={`${id}-hint`} className="mt-1.5 text-xs leading-5 text-zinc-500">
            {hasManifest
              ? "The manifest.jsonl assigns each file its discipline; this one applies to files it leaves without one."
              : "Required unless you include a manifest.jsonl that assigns a discipline to each file."}
          </p>
        </div>

        {error && <ErrorAlert data-testid="import-form-error">{error}</ErrorAlert>}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={start.isPending} data-testid="import-submit">
            Import
          </Button>
        </div>
      </form>

      {trackedRunId ? (
        <ImportRunStatus runId={trackedRunId} discipline={scoped} />
      ) : (
        <p className="mt-4 border-t border-zinc-100 pt-3 text-xs leading-5 text-zinc-500">
          Whole folders import faster from a terminal:
          <br />
          <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-zinc-700">npx proda import &lt;folder&gt;</code>
        </p>
      )}
    </Card>
  );
}
