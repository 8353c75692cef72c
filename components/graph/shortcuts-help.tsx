"use client";

const SHORTCUTS: [string, string][] = [
  ["A", "approve the selected concept, relation or chain"],
  ["R", "reject it"],
  ["U", "undo the last approve or reject (single or bulk)"],
  ["J / K", "next and previous item in the review queue"],
  ["X", "check or uncheck the current queue row (for Approve n, Reject n, Assign)"],
  ["Shift+click", "check every queue row between the last one clicked and this one"],
  ["Esc", "deselect (or close this list)"],
  ["?", "show or hide this list"],
];

/** The "?" overlay: every key the graph answers to. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="absolute inset-0 z-20 flex items-center justify-center bg-zinc-900/20" onClick={onClose}>
      <div role="dialog" aria-label="Keyboard shortcuts" className="w-96 rounded-lg bg-white p-4 text-xs shadow-xl ring-1 ring-zinc-200" onClick={(e) => e.stopPropagation()} data-testid="shortcuts-help">
        <h2 className="mb-2 text-sm font-semibold text-zinc-900">Keyboard shortcuts</h2>
        <dl className="grid grid-cols-[5.5rem_1fr] gap-x-3 gap-y-1.5">
          {SHORTCUTS.map(([k, what]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono whitespace-nowrap">{k}</kbd>
              </dt>
              <dd className="text-zinc-700">{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
