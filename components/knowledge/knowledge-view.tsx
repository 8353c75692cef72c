"use client";

import { useSearchParams } from "next/navigation";
import { DISCIPLINE_PARAM } from "@/lib/client/url";
import { ExtractPanel } from "./extract-panel";
import { KnowledgeSearch } from "./knowledge-search";
import { KnowledgeStatsCard } from "./knowledge-stats";
import { VocabularyCard } from "./vocabulary-card";

/** The structure at a glance: totals and the gate, extraction, search, and the JSONL export. */
export function KnowledgeView() {
  const discipline = useSearchParams().get(DISCIPLINE_PARAM);
  const exportHref = `/api/knowledge/export${discipline ? `?discipline=${encodeURIComponent(discipline)}` : ""}`;
  return (
    <div className="grid items-start gap-6 p-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        <KnowledgeStatsCard discipline={discipline} />
        <KnowledgeSearch discipline={discipline} />
      </div>
      <div className="space-y-6">
        <ExtractPanel discipline={discipline} />
        {discipline && <VocabularyCard discipline={discipline} />}
        <p className="text-xs text-zinc-500">
          <a href={exportHref} className="font-medium text-accent-700 hover:underline" download data-testid="knowledge-export">
            Download as JSONL
          </a>{" "}
          (one object per concept, relation and chain). The graph editor for curation arrives with the next stage.
        </p>
      </div>
    </div>
  );
}
