"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { fetchJson } from "@/lib/client/api";
import { useVocabulary } from "@/lib/client/knowledge";
import { useSubgraph, type GraphRelation, type Subgraph } from "@/lib/client/graph";
import type { SearchResult } from "@/lib/client/knowledge";
import type { QueueItem } from "@/lib/client/review-queue";
import { useCan, useSessionUser } from "@/lib/client/session";
import { graphTarget } from "@/lib/client/url";
import { GraphCanvas } from "./graph-canvas";
import { OverviewCanvas } from "./overview-canvas";
import { GraphSidePanel, type Mode, type Selection } from "./graph-side-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import { UndoBar } from "./undo-bar";
import { useReviewSession } from "./use-review-session";

// Keys are the user's text while a field has focus; a checkbox (a queue row's) takes no text.
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ["TEXTAREA", "SELECT"].includes(t.tagName) || (t instanceof HTMLInputElement && !["checkbox", "radio", "button"].includes(t.type)));

const STATUSES = ["DRAFT", "APPROVED", "REJECTED"];

/**
 * The concepts the canvas brings into view for the selection: a concept, a relation's ends, a
 * chain's concepts along its steps (from the drawn graph, or the queue row while it loads).
 */
function conceptsOf(g: Subgraph | undefined, selection: Selection, row: QueueItem | undefined): string[] | undefined {
  if (!selection) return undefined;
  if (selection.kind === "concept") return [selection.id];
  if (selection.kind === "relation") {
    const r = g?.relations.find((x) => x.id === selection.id);
    return r ? [r.subjectId, r.objectId] : row?.concepts;
  }
  const ch = g?.chains.find((x) => x.id === selection.id);
  return ch ? [...new Set(ch.steps.flatMap((s) => [s.relation.subject.id, s.relation.object.id]))] : row?.concepts;
}

/**
 * The discipline overview (its most connected concepts) or a focus view (a concept and its
 * neighbours to a depth), with filters, search that focuses, the chains drawn as paths, and the
 * selected concept's details beside the canvas.
 */
export function GraphExplorer({ discipline }: { discipline: string | null }) {
  const canEdit = useCan("knowledge:edit") && !!discipline;
  const me = useSessionUser().id;
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
  const session = useReviewSession({
    discipline,
    mode,
    data,
    selection,
    setSelection,
    // A queue item that is not drawn becomes the focus (filters that would hide a draft are cleared);
    // a chain's path is drawn.
    reveal: (item, drawn) => {
      setChainId(item.level === "chain" ? item.id : null);
      if (drawn) return;
      setFocus([item.focus]);
      if (status && status !== "DRAFT") setStatus("");
      setPredicate("");
    },
  });
  const { review } = session;
  const row = selection ? session.items.find((i) => i.level === selection.kind && i.id === selection.id) : undefined;
  const centerOn = useMemo(() => conceptsOf(data, selection, row), [data, selection, row]);

  // One key per decision: A approves, R rejects the selected item; U undoes; J/K walk the review
  // queue, X checks its current row; Esc deselects.
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
      } else if (key === "u" && session.lastDecision && canEdit) {
        void session.undo();
      } else if ((key === "a" || key === "r") && selection && canEdit) {
        review.mutate({ level: selection.kind, ids: [selection.id], status: key === "a" ? "APPROVED" : "REJECTED" });
      } else if ((key === "j" || key === "k") && mode === "queue") {
        session.step(key === "j" ? 1 : -1);
      } else if (key === "x" && mode === "queue" && canEdit) {
        session.toggleCurrent();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // `session` is new on every render, so the handler always sees the current queue and undo.
  }, [data, selection, canEdit, mode, session, review, showHelp]);

  // What both canvases draw and do: the overview and the focus view differ only in their layout.
  const canvasProps = (g: Subgraph) => ({
    concepts: g.concepts,
    relations: showEdges ? g.relations : [],
    path,
    selectedRelation: selection?.kind === "relation" ? selection.id : null,
    selectedConcept: selection?.kind === "concept" ? selection.id : null,
    centerOn,
    onSelect: (id: string | null) => setSelection(id ? { kind: "concept", id } : null),
    onEdgeSelect,
    onConnect: canEdit ? (subjectId: string, objectId: string) => setPending({ subjectId, objectId }) : undefined,
  });

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
            <OverviewCanvas {...canvasProps(data)} />
          ) : data ? (
            <GraphCanvas {...canvasProps(data)} focus={focus} />
          ) : null}
        </div>
      </div>
      {data && (
        <GraphSidePanel
          data={data}
          loading={isFetching}
          showChains={showChains}
          me={me}
          discipline={discipline}
          canEdit={canEdit}
          mode={mode}
          setMode={setMode}
          selection={selection}
          setSelection={setSelection}
          session={session}
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
          notice={<UndoBar decision={session.lastDecision} problem={session.problem} onUndo={() => void session.undo()} />}
        />
      )}
    </div>
  );
}
