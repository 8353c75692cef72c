import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "./api";
import type { AnswerBias } from "@/lib/domain/tester/answer-bias";
import type { BenchmarkBuildPayload } from "@/lib/jobs/benchmark-build";
import type { JobRunRow } from "./jobs";

export type OptionOperator = "ANSWER" | "INVREL" | "TRUNC" | "NEARMISS";
export type BenchmarkOption = { text: string; conceptId: string; operator: OptionOperator; note?: string };
export type Benchmark = {
  id: string;
  version: number;
  name: string;
  status: "DRAFT" | "FROZEN";
  itemCount: number;
  approvedOnly: boolean;
  seed: number;
  parentId: string | null;
  createdAt: string;
  frozenAt: string | null;
  report: { skipped?: Record<string, number>; rejected?: Record<string, number>; answerBias?: AnswerBias; withoutChains?: string[]; copiedFrom?: number };
};
export type BenchmarkDetail = {
  benchmark: Benchmark;
  stats: { items: number; rejected: number; rejectedBy: { reason: string; n: number }[]; byDiscipline: { slug: string; name: string; n: number }[]; byLength: { length: number; n: number }[]; byOperator: Record<"INVREL" | "TRUNC" | "NEARMISS", number> };
};
export type BenchmarkItem = {
  id: string;
  position: number;
  stem: string;
  options: BenchmarkOption[];
  answerIndex: number;
  difficulty: number;
  path: { subject: string; predicate: string; object: string }[];
  status: "ACTIVE" | "REJECTED";
  /** why the Tester's checks rejected it; null when it passed or a person rejected it */
  rejectionReason: string | null;
  chainId: string | null;
  editedAt: string | null;
  discipline: { slug: string; name: string };
};
export type ItemFilters = { discipline: string | null; operator: string; length: string; status: string; q: string };

export const testerKeys = {
  all: ["tester"] as const,
  list: () => ["tester", "benchmarks"] as const,
  detail: (id: string) => ["tester", "benchmark", id] as const,
  items: (id: string, f: ItemFilters) => ["tester", "benchmark", id, "items", f] as const,
};

export function useBenchmarks() {
  return useQuery({ queryKey: testerKeys.list(), queryFn: () => fetchJson<{ items: Benchmark[] }>("/api/benchmarks") });
}

export function useBenchmark(id: string | null) {
  return useQuery({ queryKey: testerKeys.detail(id ?? ""), queryFn: () => fetchJson<BenchmarkDetail>(`/api/benchmarks/${id}`), enabled: !!id });
}

export function useBenchmarkItems(id: string | null, f: ItemFilters) {
  return useInfiniteQuery({
    queryKey: testerKeys.items(id ?? "", f),
    queryFn: ({ pageParam }) =>
      fetchJson<{ items: BenchmarkItem[]; nextCursor: string | null }>(`/api/benchmarks/${id}/items`, {
        query: { discipline: f.discipline, operator: f.operator, length: f.length, status: f.status, q: f.q, cursor: pageParam, limit: 50 },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useBuildBenchmark() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<BenchmarkBuildPayload, "requestedBy">) => fetchJson<JobRunRow>("/api/benchmarks", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["jobs"] }),
  });
}

/** Freeze, new version and item edits change the benchmark's lists and statistics. */
export function useBenchmarkAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = "POST", body }: { path: string; method?: string; body?: Record<string, unknown> }) => fetchJson<{ id: string }>(path, { method, body: body ?? {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: testerKeys.all }),
  });
}
