"use client";

import { useId, type ReactNode } from "react";
import { useEscapeKey } from "@/lib/client/use-escape-key";

/**
 * A panel over the right edge of the page, for one item of a long list: the list stays where it
 * was scrolled. Escape or the close button closes it.
 */
export function SidePanel({ title, hint, onClose, children, "data-testid": testId }: { title: string; hint?: ReactNode; onClose: () => void; children: ReactNode; "data-testid"?: string }) {
  const id = useId();
  useEscapeKey(onClose);
  return (
    <aside role="dialog" aria-modal="false" aria-labelledby={id} className="fixed inset-y-0 right-0 z-40 flex w-full max-w-2xl flex-col border-l border-zinc-200 bg-zinc-50 shadow-2xl" data-testid={testId}>
      <header className="flex h-14 shrink-0 items-center justify-between border-b border-zinc-200 bg-white px-4">
        <div className="flex items-baseline gap-3">
          <h2 id={id} className="text-sm font-semibold text-zinc-900">
            {title}
          </h2>
          {hint && <span className="text-xs text-zinc-500">{hint}</span>}
        </div>
        <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100" aria-label="Close" data-testid="side-panel-close">
          ✕ <span className="text-xs text-zinc-400">Esc</span>
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-auto p-4">{children}</div>
    </aside>
  );
}
