"use client";

import { Badge } from "@/components/ui/badge";
import { formatInt } from "@/lib/client/format";

export const IMPORT_ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,.docx,.jsonl";

const formatSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${formatInt(Math.round(bytes / 1024))} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

type Props = { id: string; files: File[]; onChange: (files: File[]) => void };

/** A drop zone over a real file input: dropping files on it is the browser's own behaviour. */
export function FilePicker({ id, files, onChange }: Props) {
  return (
    <div>
      <label
        htmlFor={id}
        className="relative flex flex-col items-center justify-center gap-1 rounded-lg border border-dashed border-zinc-300 bg-zinc-50 px-4 py-5 text-center transition-colors hover:border-accent-500 hover:bg-accent-50/50 has-[:focus-visible]:border-accent-500 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500/30"
      >
        <svg viewBox="0 0 24 24" className="size-5 text-zinc-400" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
          <path d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
        </svg>
        <span className="text-sm font-medium text-zinc-800">
          Choose files <span className="font-normal text-zinc-500">or drop them here</span>
        </span>
        <span className="text-xs text-zinc-500">.txt .md .html .pdf .docx, and an optional manifest.jsonl</span>
        <input
          id={id}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          aria-label="Files to import"
          data-testid="import-files"
          onChange={(e) => onChange(Array.from(e.target.files ?? []))}
          className="absolute inset-0 size-full cursor-pointer opacity-0"
        />
      </label>
      {files.length > 0 && (
        <ul aria-label="Selected files" className="mt-2 max-h-32 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-200 text-xs">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex items-center gap-2 px-2.5 py-1.5">
              <span className="min-w-0 flex-1 truncate font-mono text-zinc-700" title={f.name}>
                {f.name}
              </span>
              {f.name === "manifest.jsonl" && <Badge tone="accent">manifest</Badge>}
              <span className="shrink-0 text-zinc-500 tabular-nums">{formatSize(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
