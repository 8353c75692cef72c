"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useDisciplineName } from "@/lib/client/corpus";
import { cx } from "@/lib/client/cx";
import { useDebounced } from "@/lib/client/use-debounced";
import { useBenchmarkItems, type ItemFilters } from "@/lib/client/tester";
import { hrefWith } from "@/lib/client/url";

/** The item list's filters and pages: held by the page, so the detail panel reads the same rows. */
export function useItemBrowser(benchmarkId: string | null, discipline: string | null) {
  const [operator, setOperator] = useState("");
  const [length, setLength] = useState("");
  const [status, setStatus] = useState("");
  const [text, setText] = useState("");
  const q = useDebounced(text, 250);
  const filters: ItemFilters = { discipline, operator, length, status, q };
  const query = useBenchmarkItems(benchmarkId, filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { operator, setOperator, length, setLength, status, setStatus, text, setText, query, items };
}

/** The items of a version, filtered by operator, chain length, status and words of the stem. */
export function ItemBrowser({ browser, discipline, selected }: { browser: ReturnType<typeof useItemBrowser>; discipline: string | null; selected: string | null }) {
  const disciplineName = useDisciplineName();
  const { operator, setOperator, length, setLength, status, setStatus, text, setText, items } = browser;
  const { isLoading, fetchNextPage, hasNextPage, isFetchingNextPage } = browser.query;
  const params = useSearchParams();
  const pathname = usePathname();
  return (
    <Card title="Items" description={discipline ? `In ${disciplineName(discipline)}` : "All disciplines (choose one in the header to narrow)"} bodyClassName="p-0" data-testid="item-browser">
      <div className="flex flex-wrap gap-2 border-b border-zinc-200 p-2">
        <Input aria-label="Search stems" placeholder="Search stems…" value={text} onChange={(e) => setText(e.target.value)} className="w-48" />
        <Select aria-label="Operator" value={operator} onChange={(e) => setOperator(e.target.value)}>
          <option value="">Any operator</option>
          <option value="INVREL">with INVREL</option>
          <option value="TRUNC">with TRUNC</option>
          <option value="NEARMISS">with NEARMISS</option>
        </Select>
        <Select aria-label="Chain length" value={length} onChange={(e) => setLength(e.target.value)}>
          <option value="">Any length</option>
          {[2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {n} steps
            </option>
          ))}
        </Select>
        <Select aria-label="Item status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Active and rejected</option>
          <option value="ACTIVE">Active</option>
          <option value="REJECTED">Rejected</option>
        </Select>
      </div>
      {isLoading ? (
        <SkeletonRows rows={5} className="p-4" />
      ) : items.length === 0 ? (
        <EmptyState title="No items match">Change the filters, or build a benchmark from disciplines that have chains.</EmptyState>
      ) : (
        <ul className="max-h-[34rem] divide-y divide-zinc-100 overflow-y-auto">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                href={hrefWith(pathname, params, { item: item.id })}
                className={cx("block px-4 py-2.5 hover:bg-zinc-50", item.id === selected && "bg-accent-50/60")}
                data-testid="benchmark-item"
                data-status={item.status}
              >
                <div className="flex items-center gap-2 text-xs text-zinc-500">
                  <span className="tabular-nums">#{item.position + 1}</span>
                  <span>{item.discipline.name}</span>
                  <span>· {item.difficulty} steps</span>
                  {item.status === "REJECTED" && <Badge tone="red">rejected</Badge>}
                  {item.editedAt && <Badge>edited</Badge>}
                </div>
                <p className={cx("mt-0.5 line-clamp-2 text-sm text-zinc-800", item.status === "REJECTED" && "line-through decoration-zinc-400")}>{item.stem}</p>
                {item.rejectionReason && <p className="mt-0.5 text-xs text-red-700" data-testid="item-rejection-reason">Check failed: {item.rejectionReason}</p>}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={!!hasNextPage} loading={isFetchingNextPage} onLoad={() => void fetchNextPage()} />
    </Card>
  );
}
