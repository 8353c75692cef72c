import { cx } from "@/lib/client/cx";

type JsonViewProps = { label: string; value: unknown; defaultOpen?: boolean; className?: string; "data-testid"?: string };

/** Pretty JSON behind a disclosure, for payloads and results whose shape varies by job. */
export function JsonView({ label, value, defaultOpen = false, className, ...rest }: JsonViewProps) {
  const text = value === undefined ? "undefined" : JSON.stringify(value, null, 2);
  return (
    <details open={defaultOpen} className={cx("group rounded-md border border-zinc-200", className)} data-testid={rest["data-testid"]}>
      <summary className="flex items-center gap-2 px-3 py-2 text-xs font-medium text-zinc-700 select-none hover:bg-zinc-50">
        <svg viewBox="0 0 16 16" className="size-3 text-zinc-400 transition-transform group-open:rotate-90" aria-hidden>
          <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {label}
      </summary>
      <pre className="max-h-72 overflow-auto border-t border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs leading-5 text-zinc-800">
        {text}
      </pre>
    </details>
  );
}
