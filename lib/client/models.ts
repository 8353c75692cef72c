import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { answerDetail, answerFilters, evaluationAnswers, evaluationDetail, listEvaluations } from "@/lib/server/queries/evaluations";
import type { listFineTunes, listModels } from "@/lib/server/queries/models";
import type { launchEvaluationInput, launchTrainingInput } from "@/lib/server/services/models/launch";
import type { RegisterModelInput } from "@/lib/server/services/models/register-model";
import { fetchJson } from "./api";
import { pollWhileLive, type JobRunRow } from "./jobs";
import type { WireOf } from "./wire";

export type ModelsResponse = { items: WireOf<typeof listModels>; endpoints: { name: string; model: string; source: "settings" | "environment" }[] };
export type ModelVersionRow = ModelsResponse["items"][number];
export type FineTunesResponse = WireOf<typeof listFineTunes>;
export type FineTuneRow = FineTunesResponse["items"][number];
export type EvaluationsResponse = WireOf<typeof listEvaluations>;
export type EvaluationRow = EvaluationsResponse["items"][number];
export type EvaluationDetail = WireOf<typeof evaluationDetail>;
export type AnswersPage = WireOf<typeof evaluationAnswers>;
export type AnswerRow = AnswersPage["items"][number];
export type AnswerDetail = WireOf<typeof answerDetail>;
export type AnswerFilters = Omit<z.infer<typeof answerFilters>, "cursor" | "limit">;
export type LaunchTraining = z.input<typeof launchTrainingInput>;
export type LaunchEvaluation = z.input<typeof launchEvaluationInput>;


export const modelKeys = {
  all: ["models"] as const,
  versions: () => ["models", "versions"] as const,
  fineTunes: () => ["models", "fine-tunes"] as const,
  evaluations: () => ["models", "evaluations"] as const,
  evaluation: (id: string) => ["models", "evaluation", id] as const,
  answers: (id: string, f: AnswerFilters) => ["models", "evaluation", id, "answers", f] as const,
  answer: (id: string, itemId: string) => ["models", "evaluation", id, "answer", itemId] as const,
};

export function useModels() {
  return useQuery({ queryKey: modelKeys.versions(), queryFn: () => fetchJson<ModelsResponse>("/api/models") });
}

/** Polled while a fine-tune is live; the versions list is refreshed when one ends. */
export function useFineTunes() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: modelKeys.fineTunes(),
    queryFn: async () => {
      const r = await fetchJson<FineTunesResponse>("/api/fine-tunes");
      void qc.invalidateQueries({ queryKey: modelKeys.versions() });
      return r;
    },
    refetchInterval: (q) => pollWhileLive(q.state.data),
  });
}

export function useEvaluations() {
  return useQuery({
    queryKey: modelKeys.evaluations(),
    queryFn: () => fetchJson<EvaluationsResponse>("/api/evaluations"),
    refetchInterval: (q) => pollWhileLive(q.state.data),
  });
}

export function useEvaluation(id: string | null) {
  return useQuery({
    queryKey: modelKeys.evaluation(id ?? ""),
    queryFn: () => fetchJson<EvaluationDetail>(`/api/evaluations/${encodeURIComponent(id!)}`),
    enabled: !!id,
    refetchInterval: (q) => pollWhileLive(q.state.data && { pending: [], items: [q.state.data] }),
  });
}

export function useAnswers(id: string | null, f: AnswerFilters, live: boolean) {
  return useInfiniteQuery({
    queryKey: modelKeys.answers(id ?? "", f),
    queryFn: ({ pageParam }) => fetchJson<AnswersPage>(`/api/evaluations/${encodeURIComponent(id!)}/answers`, { query: { ...f, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id,
    placeholderData: keepPreviousData,
    refetchInterval: live ? 3000 : false,
  });
}

export function useAnswer(id: string | null, itemId: string | null) {
  return useQuery({
    queryKey: modelKeys.answer(id ?? "", itemId ?? ""),
    queryFn: () => fetchJson<AnswerDetail>(`/api/evaluations/${encodeURIComponent(id!)}/answers/${encodeURIComponent(itemId!)}`),
    enabled: !!id && !!itemId,
  });
}

export function useRegisterModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterModelInput) => fetchJson<{ id: string; name: string }>("/api/models", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: modelKeys.versions() }),
  });
}

export function useLaunchTraining() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LaunchTraining) => fetchJson<JobRunRow>("/api/fine-tunes", { method: "POST", body }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: modelKeys.fineTunes() }), qc.invalidateQueries({ queryKey: ["jobs"] })]),
  });
}

export function useLaunchEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LaunchEvaluation) => fetchJson<JobRunRow>("/api/evaluations", { method: "POST", body }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: modelKeys.evaluations() }), qc.invalidateQueries({ queryKey: ["jobs"] })]),
  });
}
