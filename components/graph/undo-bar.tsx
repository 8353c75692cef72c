"use client";

import type { Decision } from "./use-review-session";

/** The last decision, single or bulk, with its Undo; and why the last bulk action or undo stopped. */
export function UndoBar({ decision, problem, onUndo }: { decision: Decision | null; problem: string | null; onUndo: () => void }) {
  return (
    <>
      {decision && (
        <div className="flex items-center gap-3 rounded-md bg-zinc-900 px-3 py-2 text-xs text-white shadow-sm" role="status" data-testid="undo-bar">
          <span className="min-w-0 flex-1 truncate" title={decision.label}>
            {decision.status === "APPROVED" ? "Approved" : "Rejected"} {decision.single ? `“${decision.label}”` : decision.label}
          </span>
          <button type="button" className="shrink-0 font-medium text-accent-200 hover:underline" onClick={onUndo} data-testid="undo">
            Undo <kbd className="opacity-70">U</kbd>
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800" data-testid="queue-error">
          {problem}
        </p>
      )}
    </>
  );
}
