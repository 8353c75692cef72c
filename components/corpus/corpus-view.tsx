"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { DISCIPLINE_PARAM, hrefWith, hrefWithDiscipline } from "@/lib/client/url";
import { ChunkBrowser } from "./chunk-browser";
import { CorpusTotals } from "./corpus-totals";
import { DisciplineTable } from "./discipline-table";
import { DocumentList } from "./document-list";
import { ImportHistory } from "./import-history";
import { ImportPanel } from "./import-panel";

/** The Corpus stage: what is in the corpus, how it got there, and the text itself. `?doc=` opens a document. */
export function CorpusView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const discipline = params.get(DISCIPLINE_PARAM) || null;
  const documentId = params.get("doc");
  // The upload started from this page, followed live in the import panel.
  const [trackedRunId, setTrackedRunId] = useState<string | null>(null);

  const selectDiscipline = (slug: string | null) => router.push(hrefWithDiscipline(pathname, params, slug), { scroll: false });
  const selectDocument = (id: string | null) => router.replace(hrefWith(pathname, params, { doc: id }), { scroll: false });

  return (
    <div className="mx-auto max-w-[1600px] space-y-5 px-6 py-5">
      <CorpusTotals discipline={discipline} />
      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <DisciplineTable selected={discipline} onSelect={selectDiscipline} />
        <ImportPanel discipline={discipline} trackedRunId={trackedRunId} onStarted={setTrackedRunId} />
      </div>
      <div className="grid gap-5 xl:grid-cols-[minmax(0,7fr)_minmax(0,6fr)]">
        <DocumentList discipline={discipline} selectedId={documentId} onSelect={selectDocument} />
        <ChunkBrowser documentId={documentId} onClose={() => selectDocument(null)} />
      </div>
      <ImportHistory trackedRunId={trackedRunId} discipline={discipline} />
    </div>
  );
}
