"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { fetchJson } from "@/lib/client/api";
import { useReview, type Level } from "@/lib/client/curation";
import { useVocabulary } from "@/lib/client/knowledge";
import { useSubgraph, type GraphRelation, type Subgraph } from "@/lib/client/graph";
import type { SearchResult } from "@/lib/client/knowledge";
import { useCan } from "@/lib/client/session";
import { graphTarget } from "@/lib/client/url";
import type { ReviewStatus } from "@/lib/domain/knowledge/views";
import { GraphCanvas } from "./graph-canvas";
import { OverviewCanvas } from "./overview-canvas";
import { GraphSidePanel, type Mode, type Selection } from "./graph-side-panel";

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

const STATUSES = ["DRAFT", "APPROVED", "REJECTED"];

/** The last approve or reject, with the status it replaced: what U undoes. */
type Decision = { level: Level; id: string; previous: ReviewStatus; status: ReviewStatus; label: string };

/** An item of the view by level and id: its status and what a person calls it. */
function describeItem(g: Subgraph, level: Level, id: string): { status: ReviewStatus; label: string } | null {
  const name = (cid: string) => g.concepts.find((c) => c.id === cid)?.name ?? "?";
  if (level === "concept") {
    const c = g.concepts.find((x) => x.id === id);
    return c ? { status: c.status, label: c.name } : null;
  }
  if (level === "relation") {
    const r = g.relations.find((x) => x.id === id);
    return r ? { status: r.status, label: `${name(r.subjectId)} ${r.predicate} ${name(r.objectId)}` } : null;
  }
  const ch = g.chains.find((x) => x.id === id);
  return ch ? { status: ch.status, label: ch.summary ?? `a chain of ${ch.steps.length} steps` } : null;
}

const SHORTCUTS: [string, string][] = [
  ["A", "approve the selected concept, relation or chain"],
  ["R", "reject it"],
  ["U", "undo the last approve or reject"],
  ["J / K", "next and previous draft in the review queue"],
  ["Esc", "deselect (or close this list)"],
  ["?", "show or hide this list"],
];

function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="absolute inset-0 z-20 flex items-center justify-center bg-zinc-900/20" onClick={onClose}>
      <div role="dialog" aria-label="Keyboard shortcuts" className="w-80 rounded-lg bg-white p-4 text-xs shadow-xl ring-1 ring-zinc-200" onClick={(e) => e.stopPropagation()} data-testid="shortcuts-help">
        <h2 className="mb-2 text-sm font-semibold text-zinc-900">Keyboard shortcuts</h2>
        <dl className="grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1.5">
          {SHORTCUTS.map(([k, what]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono">{k}</kbd>
              </dt>
              <dd className="text-zinc-700">{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

/**
 * The discipline overview (its most connected concepts) or a focus view (a concept and its
 * neighbours to a depth), with filters, search that focuses, the chains drawn as paths, and the
 * selected concept's details beside the canvas.
 */
export function GraphExplorer({ discipline }: { discipline: string | null }) {
  const canEdit = useCan("knowledge:edit") && !!discipline;
  const baseReview = useReview();
  const [lastDecision, setLastDecision] = useState<Decision | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  // A link from search (or anywhere) opens on its item: focused in the canvas, selected in the inspector.
  const params = useSearchParams();
  const [target] = useState(() => graphTarget(new URLSearchParams(params.toString())));
  const [focus, setFocus] = useState<string[]>(target ? [target.focus] : []);
  const [depth, setDepth] = useState(1);
  const [status, setStatus] = useState("");
  const [limit, setLimit] = useState(300);
  const [predicate, setPredicate] = useState("");
  const [showEdges, setShowEdges] = useState(true);
  const [showChains, setShowChains] = useState(true);
  const [q, setQ] = useState("");
  const [searchError, setSearchError] = useState<string | null>(null);
  const [chainId, setChainId] = useState<string | null>(target?.kind === "chain" ? target.id : null);
  const [selection, setSelection] = useState<Selection>(target ? { kind: target.kind, id: target.id } : null);
  const [mode, setMode] = useState<Mode>("inspect");
  const [composing, setComposing] = useState<GraphRelation[]>([]);
  const [editingChain, setEditingChain] = useState<{ id: string; summary: string | null } | null>(null);
  const [pending, setPending] = useState<{ subjectId: string; objectId: string } | null>(null);
  const query = { discipline, focus, depth: focus.length ? depth : 0, limit: focus.length ? 400 : limit, status: status ? [status] : [], predicate: predicate ? [predicate] : [] };
  const { data, isFetching } = useSubgraph(query);
  const vocabulary = useVocabulary(discipline).data?.items ?? [];
  const chain = data?.chains.find((c) => c.id === chainId);
  const path = useMemo(() => new Set(mode === "compose" ? composing.map((r) => r.id) : (chain?.steps.map((s) => s.relation.id) ?? [])), [chain, mode, composing]);
  const queue = useMemo(() => (data?.relations ?? []).filter((r) => r.status === "DRAFT"), [data]);
  // Every decision on one item (keys or buttons) is remembered with the status it replaced, so U undoes it.
  // (A new object every render, like the mutation it wraps.)
  const review: typeof baseReview = {
    ...baseReview,
    mutate: (vars, options) => {
      const before = vars.ids.length === 1 && vars.status !== "DRAFT" && data ? describeItem(data, vars.level, vars.ids[0]) : null;
      setLastDecision(before ? { level: vars.level, id: vars.ids[0], previous: before.status, status: vars.status, label: before.label } : null);
      baseReview.mutate(vars, options);
    },
  };
  const undo = () => {
    if (!lastDecision) return;
    baseReview.mutate({ level: lastDecision.level, ids: [lastDecision.id], status: lastDecision.previous });
    setLastDecision(null);
  };

  // One key per decision: A approves, R rejects the selected item; J/K walk the draft queue; Esc deselects.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.metaKey || e.ctrlKey || e.altKey || !data) return;
      const key = e.key.toLowerCase();
      if (key === "?") {
        setShowHelp((v) => !v);
      } else if (key === "escape") {
        if (showHelp) return setShowHelp(false);
        setSelection(null);
        setPending(null);
      } else if (key === "u" && lastDecision && canEdit) {
        undo();
      } else if ((key === "a" || key === "r") && selection && canEdit) {
        const level = selection.kind;
        review.mutate({ level, ids: [selection.id], status: key === "a" ? "APPROVED" : "REJECTED" });
        if (mode === "queue" && level === "relation") {
          const at = queue.findIndex((r) => r.id === selection.id);
          const next = queue[at + 1] ?? queue[at - 1];
          setSelection(next ? { kind: "relation", id: next.id } : null);
        }
      } else if ((key === "j" || key === "k") && mode === "queue" && queue.length) {
        const at = selection?.kind === "relation" ? queue.findIndex((r) => r.id === selection.id) : -1;
        const n = queue.length;
        const next = at < 0 ? queue[0] : queue[(at + (key === "j" ? 1 : n - 1)) % n];
        setSelection({ kind: "relation", id: next.id });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // `review` is new on every render, so the handler always sees the current undo.
  }, [data, selection, canEdit, mode, queue, review, lastDecision, showHelp]);

  // Entering the queue starts at its first draft.
  useEffect(() => {
    if (mode === "queue" && queue.length && selection?.kind !== "relation") setSelection({ kind: "relation", id: queue[0].id });
  }, [mode, queue, selection]);

  // The canvas brings the item under review into view: a concept, a relation's two ends, a chain's steps.
  const centerOn = useMemo(() => {
    if (!selection || !data) return undefined;
    if (selection.kind === "concept") return [selection.id];
    if (selection.kind === "relation") {
      const r = data.relations.find((x) => x.id === selection.id);
      return r ? [r.subjectId, r.objectId] : undefined;
    }
    const ch = data.chains.find((x) => x.id === selection.id);
    return ch ? [...new Set(ch.steps.flatMap((s) => [s.relation.subject.id, s.relation.object.id]))] : undefined;
  }, [selection, data]);

  async function search() {
    setSearchError(null);
    const found = await fetchJson<SearchResult>("/api/knowledge/search", { query: { q, discipline, limit: 5 } });
    const first = found.concepts[0];
    if (!first) return setSearchError(`No concept matches “${q}”.`);
    setFocus([first.id]);
    setSelection({ kind: "concept", id: first.id });
    setMode("inspect");
    setChainId(null);
  }

  function onEdgeSelect(id: string) {
    const relation = data?.relations.find((r) => r.id === id);
    if (mode === "compose" && relation) setComposing([...composing, relation]);
    else setSelection({ kind: "relation", id });
  }

  return (
    <div className="grid h-[calc(100dvh-8.5rem)] min-h-[32rem] grid-cols-[minmax(0,1fr)_20rem] gap-4 p-6" data-testid="graph-explorer">
      <div className="flex min-h-0 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <form
          className="flex flex-wrap items-center gap-2 border-b border-zinc-200 p-2"
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
        >
          <Input aria-label="Find a concept" placeholder="Find a concept…" value={q} onChange={(e) => setQ(e.target.value)} className="w-56" data-testid="graph-search" />
          <Button type="submit" size="sm" disabled={!q.trim()}>
            Focus
          </Button>
          <Select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </Select>
          <Select aria-label="Predicate" value={predicate} onChange={(e) => setPredicate(e.target.value)} data-testid="graph-predicate">
            <option value="">Any predicate</option>
            {vocabulary.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </Select>
          <label className="flex items-center gap-1 text-xs text-zinc-600" title="L2 relations as edges; off shows L1 concepts only">
            <input type="checkbox" checked={showEdges} onChange={(e) => setShowEdges(e.target.checked)} /> L2 edges
          </label>
          <label className="flex items-center gap-1 text-xs text-zinc-600" title="L3 chains listed beside the canvas">
            <input type="checkbox" checked={showChains} onChange={(e) => setShowChains(e.target.checked)} data-testid="graph-show-chains" /> L3 chains
          </label>
          {focus.length === 0 && (
            <Select aria-label="Concepts shown" value={limit} onChange={(e) => setLimit(Number(e.target.value))} data-testid="graph-limit">
              {[300, 1000, 2000].map((n) => (
                <option key={n} value={n}>
                  top {n} concepts
                </option>
              ))}
            </Select>
          )}
          {focus.length > 0 && (
            <>
              <Select aria-label="Depth" value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
                {[1, 2, 3].map((d) => (
                  <option key={d} value={d}>
                    depth {d}
                  </option>
                ))}
              </Select>
              <Button size="sm" variant="ghost" onClick={() => (setFocus([]), setSelection(null))}>
                Back to overview
              </Button>
            </>
          )}
          <span className="ml-auto text-xs text-zinc-500" data-testid="graph-counts">
            {isFetching ? "Loading…" : data ? `${data.concepts.length} concepts · ${data.relations.length} relations${data.truncated ? " (cut at the limit)" : ""}` : ""}
          </span>
          {searchError && <span className="w-full text-xs text-red-700">{searchError}</span>}
          {!discipline && <span className="w-full text-xs text-zinc-500">Choose a discipline in the header to edit; all disciplines are shown read-only.</span>}
        </form>
        <div className="relative min-h-0 flex-1">
          {showHelp && <ShortcutsHelp onClose={() => setShowHelp(false)} />}
          {data && data.concepts.length === 0 ? (
            <p className="p-6 text-sm text-zinc-500">Nothing to draw yet: extract the structure first, or change the filters.</p>
          ) : data && focus.length === 0 ? (
            <OverviewCanvas
              concepts={data.concepts}
              relations={showEdges ? data.relations : []}
              path={path}
              selectedRelation={selection?.kind === "relation" ? selection.id : null}
              selectedConcept={selection?.kind === "concept" ? selection.id : null}
              centerOn={centerOn}
              onSelect={(id) => setSelection(id ? { kind: "concept", id } : null)}
              onEdgeSelect={onEdgeSelect}
              onConnect={canEdit ? (subjectId, objectId) => setPending({ subjectId, objectId }) : undefined}
            />
          ) : data ? (
            <GraphCanvas
              concepts={data.concepts}
              relations={showEdges ? data.relations : []}
              focus={focus}
              path={path}
              selectedRelation={selection?.kind === "relation" ? selection.id : null}
              centerOn={centerOn}
              onSelect={(id) => setSelection(id ? { kind: "concept", id } : null)}
              onEdgeSelect={onEdgeSelect}
              onConnect={canEdit ? (subjectId, objectId) => setPending({ subjectId, objectId }) : undefined}
            />
          ) : null}
        </div>
      </div>
      {data && (
        <GraphSidePanel
          data={showChains ? data : { ...data, chains: [] }}
          showChains={showChains}
          discipline={discipline}
          canEdit={canEdit}
          mode={mode}
          setMode={setMode}
          selection={selection}
          setSelection={setSelection}
          queue={queue}
          composing={composing}
          setComposing={setComposing}
          editingChain={editingChain}
          setEditingChain={setEditingChain}
          pending={pending}
          setPending={setPending}
          chainId={chainId}
          setChainId={setChainId}
          onFocus={(id) => (setFocus([id]), setChainId(null))}
          review={review}
          vocabulary={vocabulary}
          notice={
            lastDecision && (
              <div className="flex items-center gap-3 rounded-md bg-zinc-900 px-3 py-2 text-xs text-white shadow-sm" role="status" data-testid="undo-bar">
                <span className="min-w-0 flex-1 truncate">
                  {lastDecision.status === "APPROVED" ? "Approved" : "Rejected"} “{lastDecision.label}”
                </span>
                <button type="button" className="shrink-0 font-medium text-accent-200 hover:underline" onClick={undo} data-testid="undo">
                  Undo <kbd className="opacity-70">U</kbd>
                </button>
              </div>
            )
          }
        />
      )}
    </div>
  );
}
