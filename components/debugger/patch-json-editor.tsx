"use client";

import { DiffEditor, Editor, type OnMount } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { patchContentSchema } from "@/lib/domain/debugger";
import { loadMonaco } from "./monaco-setup";

/** The JSON Schema the editor validates with, generated from the zod schema the server validates every edit with. */
const PATCH_JSON_SCHEMA = z.toJSONSchema(patchContentSchema);
const SCHEMA_URI = "https://proda.local/schemas/patch-content.json";
const MODEL_URI = "inmemory://patch/content.json";

export type EditorProblem = { line: number; message: string };

const options = { minimap: { enabled: false }, fontSize: 13, wordWrap: "on" as const, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 2 };

/**
 * A patch's content in Monaco: JSON validated against the patch schema as one types, the
 * problems reported (line and message) so the page can refuse approval while there are any.
 * Ctrl/Cmd+S saves, Ctrl/Cmd+Enter approves.
 */
export function PatchJsonEditor({ value, onChange, onProblems, onSave, onApprove }: { value: string; onChange: (v: string) => void; onProblems: (p: EditorProblem[]) => void; onSave: () => void; onApprove: () => void }) {
  const [ready, setReady] = useState(false);
  const actions = useRef({ onSave, onApprove, onProblems });
  actions.current = { onSave, onApprove, onProblems };
  useEffect(() => {
    let live = true;
    void loadMonaco().then((monaco) => {
      monaco.json.jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_URI, fileMatch: [MODEL_URI], schema: PATCH_JSON_SCHEMA }] });
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  const mount: OnMount = (editor, monaco) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => actions.current.onSave());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actions.current.onApprove());
    const report = () => {
      const model = editor.getModel();
      if (!model) return;
      const markers = monaco.editor.getModelMarkers({ resource: model.uri }).filter((m: Monaco.editor.IMarker) => m.severity >= monaco.MarkerSeverity.Warning);
      actions.current.onProblems(markers.map((m: Monaco.editor.IMarker) => ({ line: m.startLineNumber, message: m.message })));
    };
    monaco.editor.onDidChangeMarkers(report);
    report();
  };
  if (!ready) return <div className="h-80 animate-pulse rounded-md bg-zinc-100" aria-label="Loading the editor" />;
  return (
    <div className="overflow-hidden rounded-md ring-1 ring-zinc-300" data-testid="patch-editor">
      <Editor height="20rem" language="json" path={MODEL_URI} value={value} onChange={(v) => onChange(v ?? "")} onMount={mount} options={options} />
    </div>
  );
}

/** The patch as generated beside the patch as it is now (or theirs beside mine, after a conflict). */
export function PatchDiff({ original, modified, labels }: { original: string; modified: string; labels: [string, string] }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void loadMonaco().then(() => setReady(true));
  }, []);
  return (
    <div data-testid="patch-diff">
      <div className="mb-1 grid grid-cols-2 text-xs font-medium text-zinc-500">
        <span>{labels[0]}</span>
        <span>{labels[1]}</span>
      </div>
      {ready ? (
        <div className="overflow-hidden rounded-md ring-1 ring-zinc-300">
          <DiffEditor height="16rem" language="json" original={original} modified={modified} options={{ ...options, readOnly: true, renderSideBySide: true }} />
        </div>
      ) : (
        <div className="h-64 animate-pulse rounded-md bg-zinc-100" />
      )}
    </div>
  );
}
