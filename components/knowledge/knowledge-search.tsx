"use client";

import { useState, type ReactNode } from "react";
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

/** One level's hits, or nothing when it has none. */
function Results<T extends { id: string }>({ title, items, testId, children }: { title: string; items: T[]; testId: string; children: (item: T) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">{title}</h3>
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id} data-testid={testId}>
            {children(item)}
          </li>
        ))}
      </ul>
    </section>
  );
}

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
          <Results title="L1 concepts" items={data.concepts} testId="search-concept">
            {(c) => (
              <>
                <span className="font-medium text-zinc-900">{c.name}</span> <Badge>{c.status.toLowerCase()}</Badge>
                {c.definition && <p className="text-xs text-zinc-600">{c.definition}</p>}
              </>
            )}
          </Results>
          <Results title="L2 relations" items={data.relations} testId="search-relation">
            {(r) => (
              <>
                <Triple r={r} />
                <p className="text-xs text-zinc-500 italic">“{r.evidence}”</p>
              </>
            )}
          </Results>
          <Results title="L3 chains" items={data.chains} testId="search-chain">
            {(c) => (
              <>
                <p className="text-zinc-800">{c.summary}</p>
                <p className="text-xs text-zinc-500">{c.steps.length} steps</p>
              </>
            )}
          </Results>
        </div>
      )}
    </Card>
  );
}
