"use client";

import { useSearchParams } from "next/navigation";
import { DISCIPLINE_PARAM } from "@/lib/client/url";
import { PipelineChecklist } from "./pipeline-checklist";

export function HomeView() {
  const discipline = useSearchParams().get(DISCIPLINE_PARAM);
  return (
    <div className="mx-auto max-w-3xl space-y-4 p-6">
      <p className="text-sm text-zinc-600">
        Fine-tuning data engineered like software: the benchmark is built from the knowledge before any training, the training data never overlaps it, and
        every failure is traced back to the knowledge it lacked.
      </p>
      <PipelineChecklist discipline={discipline} />
    </div>
  );
}
