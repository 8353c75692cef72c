"use client";

import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { fetchJson } from "@/lib/client/api";
import { useSubgraph } from "@/lib/client/graph";
import type { SearchResult } from "@/lib/client/knowledge";
import { GraphCanvas } from "./graph-canvas";

const STATUSES = ["DRAFT", "APPROVED", "REJECTED"];

/**
 * The discipline overview (its most connected concepts) or a focus view (a concept and its
 * neighbours to a depth), with filters, search that focuses, the chains drawn as paths, and the
 * selected concept's details beside the canvas.
 */
export function GraphExplorer({ discipline }: { discipline: string | null }) {
  const [focus, setFocus] = useState<string[]>([]);
  const [depth, setDepth] = useState(1);
  const [status, setStatus] = useState("");
  const [q, setQ] = useState("");
  const [searchError, setSearchError] = useState<string | null>(null);
  const [chainId, setChainId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const query = { discipline, focus, depth: focus.length ? depth : 0, limit: focus.length ? 400 : 300, status: status ? [status] : [], predicate: [] };
  const { data, isFetching } = useSubgraph(query);
  const chain = data?.chains.find((c) => c.id === chainId);
  const path = useMemo(() => new Set(chain?.steps.map((s) => s.relation.id) ?? []), [chain]);
  const concept = data?.concepts.find((c) => c.id === selected);
  const around = data?.relations.filter((r) => r.subjectId === selected || r.objectId === selected) ?? [];
  const nameOf = (id: string) => data?.concepts.find((c) => c.id === id)?.name ?? id;

  async function search() {
    setSearchError(null);
    const found = await fetchJson<SearchResult>("/api/knowledge/search", { query: { q, discipline, limit: 5 } });
    const first = found.concepts[0];
    if (!first) return setSearchError(`No concept matches “${q}”.`);
    setFocus([first.id]);
    setSelected(first.id);
    setChainId(null);
  }

  return (
    <div className="grid h-[calc(100dvh-8.5rem)] min-h-[32rem] grid-cols-[minmax(0,1fr)_18rem] gap-4 p-6" data-testid="graph-explorer">
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
          {focus.length > 0 && (
            <>
              <Select aria-label="Depth" value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
                {[1, 2, 3].map((d) => (
                  <option key={d} value={d}>
                    depth {d}
                  </option>
                ))}
              </Select>
              <Button size="sm" variant="ghost" onClick={() => (setFocus([]), setSelected(null))}>
                Back to overview
              </Button>
            </>
          )}
          <span className="ml-auto text-xs text-zinc-500" data-testid="graph-counts">
            {isFetching ? "Loading…" : data ? `${data.concepts.length} concepts · ${data.relations.length} relations${data.truncated ? " (cut at the limit)" : ""}` : ""}
          </span>
          {searchError && <span className="w-full text-xs text-red-700">{searchError}</span>}
        </form>
        <div className="min-h-0 flex-1">
          {data && data.concepts.length === 0 ? (
            <p className="p-6 text-sm text-zinc-500">Nothing to draw yet: extract the structure first, or change the filters.</p>
          ) : data ? (
            <GraphCanvas concepts={data.concepts} relations={data.relations} focus={focus} path={path} onSelect={setSelected} />
          ) : null}
        </div>
      </div>
      <div className="flex min-h-0 flex-col gap-4 overflow-y-auto">
        <Card title={concept ? concept.name : "Inspector"} description={concept ? "L1 concept" : "Select a node"} data-testid="graph-inspector">
          {concept ? (
            <div className="space-y-2 text-xs">
              <Badge>{concept.status.toLowerCase()}</Badge>
              {concept.aliases.length > 0 && <p className="text-zinc-600">Also: {concept.aliases.join(", ")}</p>}
              <p className="text-zinc-700">{concept.definition ?? "No definition yet."}</p>
              <ul className="space-y-1.5 border-t border-zinc-100 pt-2">
                {around.map((r) => (
                  <li key={r.id}>
                    {nameOf(r.subjectId)} <span className="font-mono text-accent-700">{r.predicate}</span> {nameOf(r.objectId)}
                    <p className="text-zinc-500 italic">“{r.evidence}”</p>
                  </li>
                ))}
              </ul>
              <Button size="sm" onClick={() => (setFocus([concept.id]), setChainId(null))}>
                Focus on it
              </Button>
            </div>
          ) : (
            <p className="text-xs text-zinc-500">Click a concept to see its definition and the evidence of its relations.</p>
          )}
        </Card>
        <Card title="L3 chains" description="Choose one to draw it as a path" bodyClassName="p-0" data-testid="graph-chains">
          {data && data.chains.length === 0 ? (
            <p className="p-3 text-xs text-zinc-500">No chain lies entirely in this view.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 text-xs">
              {data?.chains.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    onClick={() => setChainId(chainId === c.id ? null : c.id)}
                    className={chainId === c.id ? "w-full bg-accent-50 p-2.5 text-left text-accent-900" : "w-full p-2.5 text-left text-zinc-700 hover:bg-zinc-50"}
                    data-testid="graph-chain"
                  >
                    {c.summary ?? `${c.steps.length} steps`}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
