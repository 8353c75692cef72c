import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "./api";

export type EndpointRow = {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  concurrency: number;
  timeoutMs: number;
  hasApiKey: boolean;
  source: "settings" | "environment";
};
export type EndpointForm = { name: string; baseUrl: string; model: string; apiKey?: string; concurrency: number; timeoutMs: number };
export type ConnectionResult = { ok: true; model: string; latencyMs: number } | { ok: false; error: string };

const key = ["settings", "endpoints"] as const;

export function useEndpoints() {
  return useQuery({ queryKey: key, queryFn: () => fetchJson<{ items: EndpointRow[] }>("/api/endpoints") });
}

export function useSaveEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: EndpointForm & { id?: string }) =>
      fetchJson<EndpointRow>(id ? `/api/endpoints/${encodeURIComponent(id)}` : "/api/endpoints", { method: id ? "PUT" : "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson(`/api/endpoints/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useTestEndpoint() {
  return useMutation({ mutationFn: (id: string) => fetchJson<ConnectionResult>(`/api/endpoints/${encodeURIComponent(id)}/test`, { method: "POST" }) });
}
