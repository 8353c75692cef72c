"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { GraphExplorer } from "@/components/graph/graph-explorer";
import { cx } from "@/lib/client/cx";
import { DISCIPLINE_PARAM, hrefWith } from "@/lib/client/url";
import { ExtractPanel } from "./extract-panel";
import { KnowledgeSearch } from "./knowledge-search";
import { KnowledgeStatsCard } from "./knowledge-stats";
import { VocabularyCard } from "./vocabulary-card";

const VIEWS = [
  { key: "overview", label: "Overview" },
  { key: "graph", label: "Graph" },
] as const;

/** The structure at a glance (totals, gate, extraction, search, export) or as a graph. */
export function KnowledgeView() {
  const params = useSearchParams();
  const pathname = usePathname();
  const discipline = params.get(DISCIPLINE_PARAM);
  const view = params.get("view") === "graph" ? "graph" : "overview";
  const exportHref = `/api/knowledge/export${discipline ? `?discipline=${encodeURIComponent(discipline)}` : ""}`;
  return (
    <div>
      <nav aria-label="Knowledge views" className="flex gap-1 border-b border-zinc-200 bg-white px-6">
        {VIEWS.map((v) => (
          <Link
            key={v.key}
            href={hrefWith(pathname, params, { view: v.key === "overview" ? null : v.key })}
            aria-current={view === v.key ? "page" : undefined}
            data-testid={`view-${v.key}`}
            className={cx("-mb-px border-b-2 px-3 py-2 text-sm", view === v.key ? "border-accent-600 font-medium text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800")}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {view === "graph" ? (
        <GraphExplorer discipline={discipline} />
      ) : (
        <div className="grid items-start gap-6 p-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="space-y-6">
            <KnowledgeSearch discipline={discipline} />
            <KnowledgeStatsCard discipline={discipline} />
          </div>
          <div className="space-y-6">
            <ExtractPanel discipline={discipline} />
            {discipline && <VocabularyCard discipline={discipline} />}
            <p className="text-xs text-zinc-500">
              <a href={exportHref} className="font-medium text-accent-700 hover:underline" download data-testid="knowledge-export">
                Download as JSONL
              </a>{" "}
              (one object per concept, relation and chain).
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
