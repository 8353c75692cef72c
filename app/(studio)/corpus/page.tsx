import type { Metadata } from "next";
import { Suspense } from "react";
import { CorpusView } from "@/components/corpus/corpus-view";

export const metadata: Metadata = { title: "Corpus" };

export default function CorpusPage() {
  return (
    <Suspense>
      <CorpusView />
    </Suspense>
  );
}
