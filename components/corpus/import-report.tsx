import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { DROP_REASONS, useDisciplineName, type DropReason, type ImportReport } from "@/lib/client/corpus";
import { cx } from "@/lib/client/cx";
import { formatInt } from "@/lib/client/format";

export const DROP_REASON_LABEL: Record<string, string> = {
  too_short: "Too short",
  boilerplate: "Boilerplate",
  mostly_symbols: "Mostly symbols",
  duplicate: "Duplicate",
};
const reasonLabel = (r: string) => DROP_REASON_LABEL[r] ?? r.replace(/_/g, " ");

/** What an import did, file by file outcomes summed up; read-only, fed by a run's `result`. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const reasons = [...new Set([...DROP_REASONS, ...(Object.keys(report.dropped) as DropReason[])])];
  const droppedTotal = Object.values(report.dropped).reduce<number>((n, c) => n + (c ?? 0), 0);
  const byDiscipline = Object.entries(report.byDiscipline);
  const disciplineName = useDisciplineName();

  return (
    <div className="@container space-y-4" data-testid="import-report">
      <dl className="grid grid-cols-2 gap-3 @lg:grid-cols-4">
        <Stat label="New documents" value={formatInt(report.documents)} data-testid="report-documents" />
        <Stat label="Changed" value={formatInt(report.updated)} data-testid="report-updated" />
        <Stat label="Chunks" value={formatInt(report.chunks)} data-testid="report-chunks" />
        <Stat label="Unchanged" value={formatInt(report.unchanged)} data-testid="report-unchanged" />
      </dl>
      <p className="text-xs text-zinc-500">
        {formatInt(report.processed)} of {formatInt(report.total)} files processed · {formatInt(report.tokens)} tokens ·{" "}
        {formatInt(report.disciplines)} discipline{report.disciplines === 1 ? "" : "s"}
        {byDiscipline.length > 0 && (
          <span className="text-zinc-400">
            {" "}
            ({byDiscipline.map(([slug, c]) => `${disciplineName(slug)}: ${formatInt(c.documents)} new, ${formatInt(c.chunks)} chunks`).join("; ")})
          </span>
        )}
      </p>

      <div data-testid="report-dropped">
        <h4 className="mb-1.5 text-xs font-medium text-zinc-700">
          Dropped chunks <span className="font-normal text-zinc-500 tabular-nums">{formatInt(droppedTotal)}</span>
        </h4>
        <ul className="flex flex-wrap gap-1.5" aria-label="Dropped chunks by reason">
          {reasons.map((r) => {
            const n = report.dropped[r] ?? 0;
            return (
              <li key={r} data-reason={r}>
                <Badge tone={n ? "amber" : "neutral"} className={cx(!n && "opacity-60")}>
                  {reasonLabel(r)} <span className="tabular-nums">{formatInt(n)}</span>
                </Badge>
              </li>
            );
          })}
        </ul>
        {report.droppedSamples.length > 0 && (
          <details className="group mt-2" data-testid="dropped-samples">
            <summary className="inline-flex items-center gap-1 text-xs font-medium text-accent-700 hover:underline">
              <svg viewBox="0 0 16 16" className="size-3 transition-transform group-open:rotate-90" aria-hidden>
                <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              View {report.droppedSamples.length} dropped sample{report.droppedSamples.length === 1 ? "" : "s"}
            </summary>
            <ul className="mt-2 space-y-2">
              {report.droppedSamples.map((s, i) => (
                <li key={i} className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2">
                  <div className="mb-1 flex items-center gap-2 text-xs">
                    <Badge tone="amber">{reasonLabel(s.reason)}</Badge>
                    <span className="truncate font-mono text-zinc-500">{s.file}</span>
                  </div>
                  <p className="max-h-28 overflow-y-auto font-mono text-xs leading-5 break-words whitespace-pre-wrap text-zinc-700">{s.text}</p>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>

      {report.skipped.length > 0 && (
        <div>
          <h4 className="mb-1.5 text-xs font-medium text-zinc-700">
            Skipped documents <span className="font-normal text-zinc-500 tabular-nums">{formatInt(report.skipped.length)}</span>
          </h4>
          <ul aria-label="Skipped documents" data-testid="import-skipped" className="space-y-0.5 text-xs">
            {report.skipped.map((s, i) => (
              <li key={i} className="break-words text-zinc-600">
                <span className="font-mono text-zinc-800">{s.file}</span> — {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}

      {report.errors.length > 0 && (
        <div>
          <h4 className="mb-1.5 text-xs font-medium text-red-700">
            Errors <span className="tabular-nums">{formatInt(report.errors.length)}</span>
          </h4>
          <ul aria-label="Import errors" data-testid="import-errors" className="divide-y divide-red-100 rounded-md border border-red-200 bg-red-50 text-xs">
            {report.errors.map((e, i) => (
              <li key={i} data-testid="import-error-item" className="px-3 py-1.5 break-words text-red-800">
                <span className="font-mono font-medium">
                  {e.file}
                  {e.line != null && `:${e.line}`}
                </span>{" "}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
