import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { LoopOptions } from "@/lib/server/services/loop/loop-report";
import type { PipelineView, StartedLoopRun } from "@/lib/server/services/loop/pipeline-view";
import { fetchJson } from "./api";

export const loopKeys = {
  all: ["loop"] as const,
  stages: () => ["loop", "stages"] as const,
};

/** The Pipeline page's stages and loop run, polled while a loop runs (the stage it is on, its progress). */
export function usePipelineStages() {
  return useQuery({
    queryKey: loopKeys.stages(),
    queryFn: ({ signal }) => fetchJson<PipelineView>("/api/pipeline/stages", { signal }),
    refetchInterval: (q) => (q.state.data?.live ? 1500 : false),
  });
}

/** Queues the loop (all of it, or from a stage); the stages and the jobs list change with it. */
export function useStartLoop() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoopOptions) => fetchJson<StartedLoopRun>("/api/loop-runs", { method: "POST", body }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: loopKeys.all }), qc.invalidateQueries({ queryKey: ["jobs"] })]),
  });
}
