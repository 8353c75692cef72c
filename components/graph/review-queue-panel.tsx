"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { LoadMore } from "@/components/ui/load-more";
import { cx } from "@/lib/client/cx";
import { itemKey, useReviewers, type QueueAssignee, type QueueItem, type QueueLevel } from "@/lib/client/review-queue";
import type { ReviewSession } from "./use-review-session";

const LEVEL_TAG = { concept: "L1", relation: "L2", chain: "L3" } as const;
const LEVEL_OPTIONS: [QueueLevel, string][] = [
  ["all", "All levels"],
  ["concept", "Concepts"],
  ["relation", "Relations"],
  ["chain", "Chains"],
];
const ASSIGNEE_OPTIONS: [QueueAssignee, string][] = [
  ["anyone", "Anyone's"],
  ["me", "Assigned to me"],
  ["none", "Unassigned"],
];

/** "Draft 12 of 135": where the reviewer is in the server's queue under its filters. */
function position(s: ReviewSession): string {
  if (s.loading) return "Loading…";
  return s.at < 0 ? `${s.total} draft${s.total === 1 ? "" : "s"}` : `Draft ${s.at + 1} of ${s.total}`;
}

function Row({ item, current, checked, canEdit, me, onCheck, onOpen }: { item: QueueItem; current: boolean; checked: boolean; canEdit: boolean; me: string; onCheck: (range: boolean) => void; onOpen: () => void }) {
  const ref = useRef<HTMLLIElement>(null);
  // The current row stays in sight as J / K and decisions move through the list.
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: "nearest" });
  }, [current]);
  const who = item.assignee ? (item.assignee.id === me ? "me" : item.assignee.name) : null;
  return (
    <li ref={ref} className={cx("flex items-start gap-2 px-3 py-1.5", current ? "bg-accent-50 shadow-[inset_2px_0_0_var(--color-accent-600)]" : "hover:bg-zinc-50")} data-testid="queue-row" data-level={item.level} data-id={item.id} aria-current={current || undefined}>
      {canEdit && (
        <input
          type="checkbox"
          className="mt-0.5 shrink-0"
          aria-label={`Check ${item.label}`}
          checked={checked}
          // Shift-click checks the range from the last row clicked; onClick sees the modifier, onChange does not.
          onClick={(e) => onCheck(e.shiftKey)}
          onChange={() => {}}
          data-testid="queue-check"
        />
      )}
      <button type="button" onClick={onOpen} className="min-w-0 flex-1 text-left" title={item.label}>
        <span className="flex items-baseline gap-1.5">
          <span className="shrink-0 rounded bg-zinc-100 px-1 font-mono text-[10px] text-zinc-600" title={item.level}>
            {LEVEL_TAG[item.level]}
          </span>
          <span className={cx("truncate", current ? "font-medium text-accent-900" : "text-zinc-800")}>{item.label}</span>
        </span>
        {(who || item.comments > 0) && (
          <span className="mt-0.5 flex gap-2 pl-7 text-[11px] text-zinc-500">
            {who && <span data-testid="queue-assignee">→ {who}</span>}
            {item.comments > 0 && <span data-testid="queue-comments">{item.comments} comment{item.comments === 1 ? "" : "s"}</span>}
          </span>
        )}
      </button>
    </li>
  );
}

/**
 * The review queue beside the graph: filters, progress, rows to walk and check, bulk decisions
 * and assignment. Its selects let go of the focus once chosen, so the review keys work at once.
 */
export function ReviewQueuePanel({ session: s, canEdit, me }: { session: ReviewSession; canEdit: boolean; me: string }) {
  const reviewers = useReviewers(canEdit).data?.items ?? [];
  const n = s.chosen.length;
  const counts = s.byLevel ? { all: s.byLevel.concept + s.byLevel.relation + s.byLevel.chain, ...s.byLevel } : null;
  return (
    <Card title="Review queue" description={<span data-testid="queue-position">{position(s)}</span>} bodyClassName="p-0" data-testid="review-queue">
      <div className="grid grid-cols-2 gap-2 border-b border-zinc-100 p-2">
        <Select aria-label="Queue level" value={s.level} onChange={(e) => (s.setFilters({ level: e.target.value as QueueLevel }), e.currentTarget.blur())} className="h-7 pr-6 pl-2 text-xs" data-testid="queue-level">
          {LEVEL_OPTIONS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
              {counts ? ` (${counts[v]})` : ""}
            </option>
          ))}
        </Select>
        <Select aria-label="Queue assignee" value={s.assignee} onChange={(e) => (s.setFilters({ assignee: e.target.value as QueueAssignee }), e.currentTarget.blur())} className="h-7 pr-6 pl-2 text-xs" data-testid="queue-assignee-filter">
          {ASSIGNEE_OPTIONS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      {canEdit && s.items.length > 0 && (
        <div className="space-y-1.5 border-b border-zinc-100 px-3 py-2 text-xs">
          <div className="flex items-center gap-2">
            <input
              type="checkbox"
              aria-label="Select all on this page"
              title={`Check all ${s.items.length} rows shown`}
              checked={s.allChecked}
              ref={(el) => void (el && (el.indeterminate = n > 0 && !s.allChecked))}
              onChange={s.toggleAll}
              data-testid="queue-check-all"
            />
            {n === 0 ? (
              <span className="text-zinc-500">Check rows to decide or assign several</span>
            ) : (
              <>
                <span className="text-zinc-600" data-testid="queue-checked">{n} checked</span>
                <span className="ml-auto flex gap-1.5">
                  <Button size="sm" variant="primary" disabled={s.busy} onClick={() => void s.decideChecked("APPROVED")} data-testid="bulk-approve">
                    Approve {n}
                  </Button>
                  <Button size="sm" variant="danger" disabled={s.busy} onClick={() => void s.decideChecked("REJECTED")} data-testid="bulk-reject">
                    Reject {n}
                  </Button>
                </span>
              </>
            )}
          </div>
          {n > 0 && (
            <Select
              aria-label="Assign the checked items"
              value=""
              disabled={s.busy}
              onChange={(e) => (void s.assignChecked(e.target.value === "-" ? null : e.target.value), e.currentTarget.blur())}
              className="h-7 w-full text-xs"
              data-testid="bulk-assign"
            >
              <option value="">Assign {n} to…</option>
              {reviewers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id === me ? `me (${r.name})` : r.name}
                </option>
              ))}
              <option value="-">Nobody (unassign)</option>
            </Select>
          )}
        </div>
      )}
      {!s.loading && s.items.length === 0 ? (
        <p className="p-3 text-xs text-zinc-500">{s.level === "all" && s.assignee === "anyone" ? "No drafts left to review." : "No drafts match these filters."}</p>
      ) : (
        <ul className="max-h-48 divide-y divide-zinc-100 overflow-y-auto text-xs" data-testid="queue-rows">
          {s.items.map((item, index) => (
            <Row
              key={itemKey(item)}
              item={item}
              current={index === s.at}
              checked={s.checked.has(itemKey(item))}
              canEdit={canEdit}
              me={me}
              onCheck={(range) => s.toggle(index, range)}
              onOpen={() => s.select(item)}
            />
          ))}
        </ul>
      )}
      <LoadMore hasMore={s.hasMore} loading={s.loadingMore} onLoad={s.loadMore} />
      <p className="border-t border-zinc-100 px-3 py-1.5 text-[11px] text-zinc-500">J/K move · A/R decide · X check · U undo · ? keys</p>
    </Card>
  );
}
