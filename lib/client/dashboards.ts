import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { dashboardReport } from "@/lib/server/queries/dashboards";
import type { ExternalScoreInput, importExternalScores, saveExternalScore } from "@/lib/server/services/dashboards/external-scores";
import { fetchJson } from "./api";
import type { WireOf } from "./wire";

export type DashboardReport = WireOf<typeof dashboardReport>;
export type ReportModel = DashboardReport["models"][number];
export type Flip = DashboardReport["flips"][number];

/** The dashboard's choices as the URL holds them (names comma-separated; empty: the server's defaults). */
export type ReportChoices = { benchmark?: string; models?: string; pair?: string };

export const dashboardKeys = {
  all: ["dashboards"] as const,
  report: (c: ReportChoices) => ["dashboards", "report", c] as const,
};

/** The report for the URL's choices; the previous one stays on screen while the next loads. */
export function useDashboardReport(c: ReportChoices) {
  return useQuery({
    queryKey: dashboardKeys.report(c),
    queryFn: () => fetchJson<DashboardReport>("/api/dashboards/report", { query: c }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Every report shows the external scores: any change to them refreshes the reports. */
function useInvalidateReports() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: dashboardKeys.all });
}

export function useSaveExternalScore() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: ExternalScoreInput) => fetchJson<WireOf<typeof saveExternalScore>>("/api/external-scores", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useDeleteExternalScore() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (id: string) => fetchJson<{ id: string; deleted: true }>(`/api/external-scores/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

/** Sends the CSV as it is (text/csv); a bad file comes back as a 400 listing its lines. */
export function useImportExternalScores() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (csv: string) => fetchJson<WireOf<typeof importExternalScores>>("/api/external-scores/import", { method: "POST", body: csv, headers: { "content-type": "text/csv" } }),
    onSuccess: invalidate,
  });
}
