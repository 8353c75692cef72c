"use client";

import { useHistory } from "@/lib/client/curation";
import { formatDateTime } from "@/lib/client/format";

/** The gist of an event's details: the status it set, or whom it assigned the item to. */
function detail(d: Record<string, unknown> | null): string {
  if (d && "status" in d) return String(d.status).toLowerCase();
  if (d && "assignee" in d) return d.assignee ? `to ${String(d.assignee)}` : "to nobody";
  return "";
}

/** Who changed an item and how, from the audit log. */
export function HistoryList({ type, id }: { type: "concept" | "relation" | "chain"; id: string }) {
  const { data } = useHistory(type, id);
  if (!data?.items.length) return <p className="text-zinc-400">No changes yet.</p>;
  return (
    <ol className="space-y-1" data-testid="item-history">
      {data.items.map((h) => (
        <li key={h.id} className="text-zinc-600">
          <span className="font-mono">{h.action.replace("knowledge.", "")}</span> {detail(h.details)} ·{" "}
          {h.actorEmail ?? "extractor"} · {formatDateTime(h.at)}
        </li>
      ))}
    </ol>
  );
}
