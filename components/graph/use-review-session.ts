"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/api";
import { useReview, type Level } from "@/lib/client/curation";
import type { Subgraph } from "@/lib/client/graph";
import { itemKey, useAssign, useReviewQueue, type QueueAssignee, type QueueItem, type QueueLevel } from "@/lib/client/review-queue";
import type { ReviewStatus } from "@/lib/domain/knowledge/views";
import type { Mode, Selection } from "./graph-side-panel";

const LEVELS: Level[] = ["concept", "relation", "chain"];

/** The last approve or reject, single or bulk, with each item's status before it: what U undoes. */
export type Decision = {
  status: ReviewStatus;
  label: string;
  groups: { level: Level; previous: ReviewStatus; ids: string[] }[];
  /** the one item decided (with its queue row when it was one), to go back to on undo */
  single: { level: Level; id: string; row?: QueueItem } | null;
};

/** An item of the drawn view by level and id, as a person calls it. */
function labelIn(g: Subgraph | undefined, level: Level, id: string): string | null {
  const name = (cid: string) => g?.concepts.find((c) => c.id === cid)?.name ?? "?";
  if (level === "concept") return g?.concepts.find((x) => x.id === id)?.name ?? null;
  if (level === "relation") {
    const r = g?.relations.find((x) => x.id === id);
    return r ? `${name(r.subjectId)} ${r.predicate} ${name(r.objectId)}` : null;
  }
  const ch = g?.chains.find((x) => x.id === id);
  return ch ? (ch.summary ?? `a chain of ${ch.steps.length} steps`) : null;
}

export const isDrawn = (g: Subgraph | undefined, i: { level: Level; id: string }) =>
  !!g && (i.level === "concept" ? g.concepts.some((c) => c.id === i.id) : i.level === "relation" ? g.relations.some((r) => r.id === i.id) : g.chains.some((c) => c.id === i.id));

type Args = {
  discipline: string | null;
  mode: Mode;
  data: Subgraph | undefined;
  selection: Selection;
  setSelection: (s: Selection) => void;
  /** shows a queue item in the graph: focuses on it when it is not drawn, draws a chain's path */
  reveal: (item: QueueItem, drawn: boolean) => void;
};

/**
 * The review queue as the graph walks it: the server's drafts under the level and assignee
 * filters, where the reviewer is in them, the rows checked for bulk decisions, and the last
 * decision (single or bulk) with what undoing it restores.
 */
export function useReviewSession({ discipline, mode, data, selection, setSelection, reveal }: Args) {
  const base = useReview();
  const assign = useAssign();
  const [level, setLevel] = useState<QueueLevel>("all");
  const [assignee, setAssignee] = useState<QueueAssignee>("anyone");
  const queue = useReviewQueue({ discipline, level, assignee });
  const items = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  const first = queue.data?.pages[0];
  const at = selection ? items.findIndex((i) => i.level === selection.kind && i.id === selection.id) : -1;
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [lastDecision, setLastDecision] = useState<Decision | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = items.filter((i) => checked.has(itemKey(i)));

  function select(i: QueueItem | undefined) {
    if (!i) return setSelection(null);
    setSelection({ kind: i.level, id: i.id });
    reveal(i, isDrawn(data, i));
  }

  // Entering the queue, or changing its filters, starts at its first item unless the selection is in it.
  const started = useRef(false);
  useEffect(() => {
    if (mode !== "queue") started.current = false;
    else if (!started.current && first && !queue.isPlaceholderData) {
      started.current = true;
      if (at < 0 && items.length) select(items[0]);
    }
  });
  const setFilters = (f: { level?: QueueLevel; assignee?: QueueAssignee }) => {
    if (f.level) setLevel(f.level);
    if (f.assignee) setAssignee(f.assignee);
    setChecked(new Set());
    setAnchor(null);
    started.current = false;
  };

  // Near the end of what is loaded, the next page comes, so J and "next after A" never stall.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = queue;
  useEffect(() => {
    if (mode === "queue" && at >= items.length - 5 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [mode, at, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  /** Every single decision (keys or buttons) goes through here; in the queue it moves on to the next item. */
  const review: typeof base = {
    ...base,
    mutate: (vars, options) => {
      const current = at >= 0 ? items[at] : undefined;
      const onCurrent = mode === "queue" && vars.status !== "DRAFT" && vars.ids.length === 1 && current?.level === vars.level && current.id === vars.ids[0];
      const row = vars.ids.length === 1 ? items.find((i) => i.level === vars.level && i.id === vars.ids[0]) : undefined;
      const label = (vars.ids.length === 1 && (labelIn(data, vars.level, vars.ids[0]) ?? row?.label)) || `${vars.ids.length} ${vars.level}s`;
      base.mutate(vars, {
        ...options,
        onSuccess: (...args) => {
          const [result, v] = args;
          if (v.status !== "DRAFT") setLastDecision({ status: v.status, label, groups: result.previous.map((g) => ({ level: v.level, previous: g.status, ids: g.ids })), single: v.ids.length === 1 ? { level: v.level, id: v.ids[0], row } : null });
          options?.onSuccess?.(...args);
        },
        // Refused: back to the item, so the reviewer sees why beside it.
        onError: (...args) => {
          if (onCurrent) select(current);
          options?.onError?.(...args);
        },
      });
      if (onCurrent) select(items[at + 1] ?? items[at - 1]);
    },
  };

  /** Runs one request per level for the checked rows (the API takes one level at a time). */
  async function perLevel(run: (level: Level, ids: string[]) => Promise<void>) {
    setProblem(null);
    try {
      for (const l of LEVELS) {
        const ids = chosen.filter((i) => i.level === l).map((i) => i.id);
        if (ids.length) await run(l, ids);
      }
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }

  async function decideChecked(status: "APPROVED" | "REJECTED") {
    const groups: Decision["groups"] = [];
    const moveOn = at >= 0 && checked.has(itemKey(items[at])) ? items.slice(at + 1).find((i) => !checked.has(itemKey(i))) : undefined;
    await perLevel(async (l, ids) => {
      const result = await base.mutateAsync({ level: l, ids, status });
      groups.push(...result.previous.map((g) => ({ level: l, previous: g.status, ids: g.ids })));
    });
    const n = groups.reduce((k, g) => k + g.ids.length, 0);
    if (n) setLastDecision({ status, label: `${n} item${n === 1 ? "" : "s"}`, groups, single: null });
    setChecked(new Set());
    if (moveOn) select(moveOn);
  }

  async function assignChecked(assigneeId: string | null) {
    await perLevel(async (l, ids) => void (await assign.mutateAsync({ level: l, ids, assigneeId })));
    setChecked(new Set());
  }

  async function undo() {
    const d = lastDecision;
    if (!d) return;
    setLastDecision(null);
    setProblem(null);
    for (const g of d.groups) await base.mutateAsync({ level: g.level, ids: g.ids, status: g.previous }).catch((e: unknown) => setProblem(errorMessage(e)));
    // Back to the item, as it was before the decision (brought into the graph again if the queue moved it out).
    if (d.single?.row) select(d.single.row);
    else if (d.single) setSelection({ kind: d.single.level, id: d.single.id });
  }

  function toggle(index: number, range: boolean) {
    const on = !checked.has(itemKey(items[index]));
    const [from, to] = range && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
    const next = new Set(checked);
    for (let k = from; k <= to && k < items.length; k++) (on ? next.add(itemKey(items[k])) : next.delete(itemKey(items[k])));
    setChecked(next);
    setAnchor(index);
  }

  const allChecked = items.length > 0 && chosen.length === items.length;
  return {
    review,
    items,
    total: first?.total ?? 0,
    byLevel: first?.byLevel,
    loading: queue.isPending,
    hasMore: !!hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore: () => void fetchNextPage(),
    at,
    level,
    assignee,
    setFilters,
    select,
    /** J / K: the next or previous item, wrapping around once every page is loaded */
    step: (by: 1 | -1) => {
      if (!items.length) return;
      if (at < 0) return select(items[0]);
      const next = at + by;
      if (next >= items.length && hasNextPage) return;
      select(items[(next + items.length) % items.length]);
    },
    checked,
    chosen,
    allChecked,
    toggle,
    toggleCurrent: () => at >= 0 && toggle(at, false),
    toggleAll: () => setChecked(allChecked ? new Set() : new Set(items.map(itemKey))),
    decideChecked,
    assignChecked,
    busy: base.isPending || assign.isPending,
    lastDecision,
    undo,
    problem,
  };
}

export type ReviewSession = ReturnType<typeof useReviewSession>;
