"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { useKnowledgeSearch, type RelationItem } from "@/lib/client/knowledge";
import { useDisciplines } from "@/lib/client/corpus";
import { graphHref, type GraphTarget } from "@/lib/client/url";
import { useDebounced } from "@/lib/client/use-debounced";

const Triple = ({ r }: { r: RelationItem }) => (
  <span>
    <span className="font-medium text-zinc-900">{r.subject.name}</span> <span className="font-mono text-xs text-accent-700">{r.predicate}</span>{" "}
    <span className="font-medium text-zinc-900">{r.object.name}</span>
  </span>
);

type Hit = { id: string; disciplineId: string };
type Disciplines = Map<string, { slug: string; name: string }>;

/** One level's hits, each a link that opens it in the graph and the inspector, with its discipline; nothing when none. */
function Results<T extends Hit>(p: { title: string; items: T[]; testId: string; disciplines: Disciplines; target: (item: T) => GraphTarget; children: (item: T) => ReactNode }) {
  if (p.items.length === 0) return null;
  return (
    <section>
      <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">{p.title}</h3>
      <ul className="space-y-1">
        {p.items.map((item) => {
          const d = p.disciplines.get(item.disciplineId);
          return (
            <li key={item.id} data-testid={p.testId}>
              {d ? (
                <Link href={graphHref(d.slug, p.target(item))} className="block rounded-md px-2 py-1.5 hover:bg-zinc-50" data-testid="search-open">
                  {p.children(item)}
                  <span className="mt-0.5 block text-xs text-zinc-500">{d.name} · open in the graph →</span>
                </Link>
              ) : (
                <div className="px-2 py-1.5">{p.children(item)}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Full-text search over the three levels, with the evidence each relation was read from. */
export function KnowledgeSearch({ discipline }: { discipline: string | null }) {
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 250);
  const { data, isFetching } = useKnowledgeSearch(query, discipline);
  const disciplines: Disciplines = new Map((useDisciplines().data ?? []).map((d) => [d.id, d]));
  const empty = data && !data.concepts.length && !data.relations.length && !data.chains.length;
  return (
    <Card title="Search the structure" description="Names, aliases, definitions, evidence and chain summaries" data-testid="knowledge-search">
      <Input aria-label="Search knowledge" placeholder="e.g. photosynthesis, inflation, neuron…" value={q} onChange={(e) => setQ(e.target.value)} className="w-full" />
      {isFetching && <p className="mt-3 text-xs text-zinc-500">Searching…</p>}
      {empty && <p className="mt-3 text-sm text-zinc-500">Nothing matches “{query}”.</p>}
      {data && !empty && (
        <div className="mt-4 space-y-4 text-sm">
          <Results title="L1 concepts" items={data.concepts} testId="search-concept" disciplines={disciplines} target={(c) => ({ kind: "concept", id: c.id, focus: c.id })}>
            {(c) => (
              <>
                <span className="font-medium text-zinc-900">{c.name}</span> <Badge>{c.status.toLowerCase()}</Badge>
                {c.definition && <p className="text-xs text-zinc-600">{c.definition}</p>}
              </>
            )}
          </Results>
          <Results title="L2 relations" items={data.relations} testId="search-relation" disciplines={disciplines} target={(r) => ({ kind: "relation", id: r.id, focus: r.subject.id })}>
            {(r) => (
              <>
                <Triple r={r} />
                <p className="text-xs text-zinc-500 italic">“{r.evidence}”</p>
              </>
            )}
          </Results>
          <Results title="L3 chains" items={data.chains} testId="search-chain" disciplines={disciplines} target={(c) => ({ kind: "chain", id: c.id, focus: c.id })}>
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
