"use client";

import { useSearchParams } from "next/navigation";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useBenchmark, useBenchmarks } from "@/lib/client/tester";
import { DISCIPLINE_PARAM } from "@/lib/client/url";
import { BenchmarkList } from "./benchmark-list";
import { BenchmarkSummary } from "./benchmark-summary";
import { ItemBrowser, useItemBrowser } from "./item-browser";
import { ItemDetail } from "./item-detail";

/** The Tester: benchmark versions, the chosen one's statistics, its items and their review. */
export function TesterView() {
  const params = useSearchParams();
  const discipline = params.get(DISCIPLINE_PARAM);
  const list = useBenchmarks();
  const selected = params.get("benchmark") ?? list.data?.items[0]?.id ?? null;
  const detail = useBenchmark(selected);
  const browser = useItemBrowser(selected, discipline);
  const itemId = params.get("item");
  const item = browser.items.find((i) => i.id === itemId) ?? null;
  return (
    <div className="grid items-start gap-6 p-6 2xl:grid-cols-[18rem_minmax(0,1fr)]">
      <BenchmarkList selected={selected} discipline={discipline} />
      <div className="min-w-0 space-y-6">
        {!selected ? (
          <Card title="Tests first">
            <EmptyState title="Build the benchmark before any training">
              The Tester turns each L3 reasoning chain into a multiple-choice question whose answer is the chain&apos;s conclusion. Freeze it, and every training set is measured against it.
            </EmptyState>
          </Card>
        ) : detail.data ? (
          <BenchmarkSummary detail={detail.data} />
        ) : (
          <SkeletonRows rows={4} />
        )}
        {selected && (
          <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
            <ItemBrowser browser={browser} discipline={discipline} selected={itemId} />
            {item ? (
              <ItemDetail key={`${item.id}:${item.editedAt ?? ""}`} item={item} benchmarkId={selected} frozen={detail.data?.benchmark.status === "FROZEN"} />
            ) : (
              <Card title="Item">
                <p className="text-sm text-zinc-500">Choose an item to see its chain, its options and the operator behind each distractor.</p>
              </Card>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
