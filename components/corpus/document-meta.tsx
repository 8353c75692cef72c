import type { ReactNode } from "react";
import type { DocumentDetail } from "@/lib/client/corpus";
import { formatDateTime, isHttpUrl } from "@/lib/client/format";

const isScalar = (v: unknown): v is string | number | boolean => ["string", "number", "boolean"].includes(typeof v);

export function DocumentMeta({ document: d }: { document: DocumentDetail }) {
  // Manifest fields beyond the known ones (author, year, ...) are real data worth showing.
  const extra = Object.entries(d.meta ?? {}).filter(([, v]) => isScalar(v) && String(v) !== "");
  const fields: [string, ReactNode][] = [
    ["Discipline", d.discipline.name],
    ["Format", <span key="f" className="font-mono text-xs uppercase">{d.format}</span>],
    ["License", d.license ?? <span className="text-zinc-400">Not stated</span>],
    [
      "Source",
      isHttpUrl(d.source) ? (
        <a href={d.source} target="_blank" rel="noreferrer" className="break-all text-accent-700 hover:underline" data-testid="document-source-link">
          {d.source}
        </a>
      ) : (
        (d.source ?? <span className="text-zinc-400">Not stated</span>)
      ),
    ],
    ["Path", <span key="p" className="font-mono text-xs break-all">{d.sourcePath}</span>],
    ["Imported", formatDateTime(d.createdAt)],
    ...extra.map(([k, v]): [string, ReactNode] => [k, String(v)]),
  ];

  return (
    <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 border-b border-zinc-200 bg-zinc-50 px-5 py-3 text-sm" data-testid="document-meta">
      {fields.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="truncate text-xs leading-5 text-zinc-500 capitalize">{label}</dt>
          <dd className="min-w-0 leading-5 break-words text-zinc-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
