"use client";

import { useRouter, usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { LoadMore } from "@/components/ui/load-more";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { useAnswers, type AnswerFilters, type AnswerRow, type EvaluationDetail } from "@/lib/client/models";
import { hrefWith } from "@/lib/client/url";
import { CHOICE_LABEL } from "./metrics-card";

const CHOICES = ["INVREL", "TRUNC", "NEARMISS", "unparseable"] as const;

/** The filters live in the URL, so a link reproduces the view. */
export function answerFiltersOf(params: URLSearchParams): AnswerFilters {
  const correct = params.get("correct");
  const chose = params.get("chose");
  return {
    discipline: params.get("discipline") ?? undefined,
    correct: correct === "true" || correct === "false" ? correct : undefined,
    chose: (CHOICES as readonly string[]).includes(chose ?? "") ? (chose as AnswerFilters["chose"]) : undefined,
  };
}

export function ResultBadge({ a }: { a: Pick<AnswerRow, "correct" | "choice"> }) {
  return a.correct ? <Badge tone="green">right</Badge> : a.choice === null ? <Badge tone="amber">unparseable</Badge> : <Badge tone="red">wrong</Badge>;
}

/** Every answer of the run in item order, filtered by discipline, correctness and what a wrong answer chose. */
export function AnswerTable({ detail, selectedItem, live }: { detail: EvaluationDetail; selectedItem: string | null; live: boolean }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const f = answerFiltersOf(params);
  const answers = useAnswers(detail.id, f, live);
  const rows = answers.data?.pages.flatMap((p) => p.items) ?? [];
  // With an answer open, ↑ and ↓ open the one before or after it in the list.
  useEffect(() => {
    if (!selectedItem) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== "ArrowDown" && e.key !== "ArrowUp") || (e.target as HTMLElement | null)?.closest("input, select, textarea")) return;
      const i = rows.findIndex((r) => r.itemId === selectedItem);
      const next = rows[i + (e.key === "ArrowDown" ? 1 : -1)];
      if (i < 0 || !next) return;
      e.preventDefault();
      router.replace(hrefWith(pathname, params, { item: next.itemId }), { scroll: false });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selectedItem, rows, router, pathname, params]);
  const set = (changes: Record<string, string | null>) => router.replace(hrefWith(pathname, params, { ...changes, item: null }), { scroll: false });
  return (
    <Card
      title="Answers"
      description="Each item as the model answered it; open one for the raw reply and the chain"
      bodyClassName="p-0"
      data-testid="evaluation-answers"
    >
      <div className="border-b border-zinc-200 px-4 py-2.5">
        <div className="flex flex-wrap items-center gap-2">
          <Select aria-label="Discipline" value={f.discipline ?? ""} onChange={(e) => set({ discipline: e.target.value || null })} data-testid="answers-discipline">
            <option value="">all disciplines</option>
            {detail.disciplines.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          </Select>
          <Select aria-label="Correctness" value={f.correct ?? ""} onChange={(e) => set({ correct: e.target.value || null })} data-testid="answers-correct">
            <option value="">right and wrong</option>
            <option value="true">right</option>
            <option value="false">wrong</option>
          </Select>
          <Select aria-label="Chosen option" value={f.chose ?? ""} onChange={(e) => set({ chose: e.target.value || null, correct: e.target.value ? "false" : (f.correct ?? null) })} data-testid="answers-chose">
            <option value="">any choice</option>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                chose {CHOICE_LABEL[c]}
              </option>
            ))}
          </Select>
        </div>
      
      </div>
      {answers.isLoading ? (
        <SkeletonRows rows={5} className="p-4" />
      ) : !rows.length ? (
        <EmptyState title={live ? "No answer yet" : "No answer matches"}>{live ? "Answers appear here as the model gives them." : "Clear a filter to see more."}</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th numeric>#</Th>
              <Th>Question</Th>
              <Th>Discipline</Th>
              <Th numeric>Hops</Th>
              <Th>Result</Th>
              <Th numeric>Latency</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const open = () => router.replace(hrefWith(pathname, params, { item: a.itemId }), { scroll: false });
              return (
              <Tr key={a.itemId} interactive selected={a.itemId === selectedItem} tabIndex={0} onClick={open} onKeyDown={(e) => e.key === "Enter" && open()} data-testid="answer-row" data-correct={a.correct} data-item={a.itemId}>
                <Td numeric className="text-xs text-zinc-500">{a.position + 1}</Td>
                <Td className="max-w-md">
                  <span className="line-clamp-2 text-sm">{a.stem}</span>
                </Td>
                <Td className="text-xs whitespace-nowrap">{a.discipline.name}</Td>
                <Td numeric>{a.difficulty}</Td>
                <Td className="whitespace-nowrap">
                  <ResultBadge a={a} /> {a.chosenOperator && <span className="font-mono text-[11px] text-zinc-500">{a.chosenOperator}</span>}
                </Td>
                <Td numeric className="text-xs text-zinc-500">{a.latencyMs} ms</Td>
              </Tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <LoadMore hasMore={!!answers.hasNextPage} loading={answers.isFetchingNextPage} onLoad={() => void answers.fetchNextPage()} />
    </Card>
  );
}
