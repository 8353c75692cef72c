"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { useKnowledgeSearch, type RelationItem } from "@/lib/client/knowledge";
import { useDebounced } from "@/lib/client/use-debounced";

const Triple = ({ r }: { r: RelationItem }) => (
  <span>
    <span className="font-medium text-zinc-900">{r.subject.name}</span> <span className="font-mono text-xs text-accent-700">{r.predicate}</span>{" "}
    <span className="font-medium text-zinc-900">{r.object.name}</span>
  </span>
);

/** Full-text search over the three levels, with the evidence each relation was read from. */
export function KnowledgeSearch({ discipline }: { discipline: string | null }) {
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 250);
  const { data, isFetching } = useKnowledgeSearch(query, discipline);
  const empty = data && !data.concepts.length && !data.relations.length && !data.chains.length;
  return (
    <Card title="Search the structure" description="Names, aliases, definitions, evidence and chain summaries" data-testid="knowledge-search">
      <Input aria-label="Search knowledge" placeholder="e.g. photosynthesis, inflation, neuron…" value={q} onChange={(e) => setQ(e.target.value)} className="w-full" />
      {isFetching && <p className="mt-3 text-xs text-zinc-500">Searching…</p>}
      {empty && <p className="mt-3 text-sm text-zinc-500">Nothing matches “{query}”.</p>}
      {data && !empty && (
        <div className="mt-4 space-y-4 text-sm">
          {data.concepts.length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">L1 concepts</h3>
              <ul className="space-y-1.5">
                {data.concepts.map((c) => (
                  <li key={c.id} data-testid="search-concept">
                    <span className="font-medium text-zinc-900">{c.name}</span> <Badge>{c.status.toLowerCase()}</Badge>
                    {c.definition && <p className="text-xs text-zinc-600">{c.definition}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.relations.length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">L2 relations</h3>
              <ul className="space-y-2">
                {data.relations.map((r) => (
                  <li key={r.id} data-testid="search-relation">
                    <Triple r={r} />
                    <p className="text-xs text-zinc-500 italic">“{r.evidence}”</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.chains.length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">L3 chains</h3>
              <ul className="space-y-2">
                {data.chains.map((c) => (
                  <li key={c.id} data-testid="search-chain">
                    <p className="text-zinc-800">{c.summary}</p>
                    <p className="text-xs text-zinc-500">{c.steps.length} steps</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Card>
  );
}
