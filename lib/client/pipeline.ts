import { useQuery } from "@tanstack/react-query";
import type { PipelineStatus } from "@/lib/domain/pipeline-status";
import { fetchJson } from "./api";

export function usePipelineStatus() {
  return useQuery({ queryKey: ["pipeline"], queryFn: ({ signal }) => fetchJson<PipelineStatus>("/api/pipeline", { signal }) });
}
