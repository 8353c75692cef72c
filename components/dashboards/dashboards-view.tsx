"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ErrorAlert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/client/api";
import { cx } from "@/lib/client/cx";
import { useDashboardReport, type DashboardReport } from "@/lib/client/dashboards";
import { hrefWith } from "@/lib/client/url";
import { ComparisonTab } from "./comparison-tab";
import { CoreTab } from "./core-tab";
import { DiagnosticsTab } from "./diagnostics-tab";
import { ExternalTab } from "./external-tab";
import { FlipsTab } from "./flips-tab";
import { Picker } from "./picker";

export const TABS = [
  { key: "comparison", label: "Comparison" },
  { key: "flips", label: "Flips" },
  { key: "diagnostics", label: "Diagnostics" },
  { key: "external", label: "External benchmarks" },
  { key: "core", label: "CORE" },
] as const;
export type TabKey = (typeof TABS)[number]["key"];

/**
 * The leads' dashboards: versions compared on one frozen benchmark. Every choice (benchmark,
 * versions, pair, tab, flip filter) is in the URL, so a link reproduces the view.
 */
export function DashboardsView() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const choices = { benchmark: params.get("benchmark") ?? undefined, models: params.get("models") ?? undefined, pair: params.get("pair") ?? undefined };
  const report = useDashboardReport(choices);
  const tab = (TABS.find((t) => t.key === params.get("tab"))?.key ?? "comparison") as TabKey;
  const go = (changes: Record<string, string | null>) => router.replace(hrefWith(pathname, params, changes), { scroll: false });

  if (report.error && !report.data) {
    return (
      <div className="space-y-4 p-6">
        <ErrorAlert title="This view cannot be shown" data-testid="dashboard-error">
          {errorMessage(report.error)}{" "}
          <Link href={pathname} className="font-medium underline">
            Show the default view
          </Link>
        </ErrorAlert>
      </div>
    );
  }
  if (!report.data) {
    return (
      <div className="space-y-6 p-6" data-testid="dashboard-loading">
        <Card title="Dashboards" description="Reading every compared version's answers…">
          <SkeletonRows rows={8} />
        </Card>
      </div>
    );
  }
  const r = report.data;
  if (!r.benchmark) return <NoEvaluation report={r} />;
  return (
    <div className="min-w-0 space-y-6 p-6" data-testid="dashboards" data-benchmark={r.benchmark.version}>
      <Picker report={r} go={go} busy={report.isFetching} />
      {report.error && (
        <ErrorAlert title="These choices cannot be shown; the view below is the previous one" data-testid="dashboard-error">
          {errorMessage(report.error)}
        </ErrorAlert>
      )}
      <nav className="flex gap-1 border-b border-zinc-200" aria-label="Dashboard sections">
        {TABS.map((t) => (
          <Link
            key={t.key}
            href={hrefWith(pathname, params, { tab: t.key === "comparison" ? null : t.key })}
            scroll={false}
            aria-current={tab === t.key ? "page" : undefined}
            data-testid={`tab-${t.key}`}
            className={cx("-mb-px border-b-2 px-3 py-2 text-sm font-medium", tab === t.key ? "border-accent-600 text-accent-700" : "border-transparent text-zinc-500 hover:text-zinc-800")}
          >
            {t.label}
            {t.key === "flips" && r.pair ? <span className="ml-1.5 rounded-full bg-zinc-100 px-1.5 text-xs text-zinc-600 tabular-nums">{r.pair.fixed + r.pair.broken}</span> : null}
          </Link>
        ))}
        {report.isFetching && <Spinner className="ml-auto size-4 self-center text-zinc-400" />}
      </nav>
      {tab === "comparison" && <ComparisonTab report={r} />}
      {tab === "flips" && <FlipsTab report={r} filter={params.get("flips")} go={go} />}
      {tab === "diagnostics" && <DiagnosticsTab report={r} />}
      {tab === "external" && <ExternalTab report={r} />}
      {tab === "core" && <CoreTab report={r} />}
    </div>
  );
}

function NoEvaluation({ report }: { report: DashboardReport }) {
  const frozen = report.benchmarks.length > 0;
  return (
    <div className="p-6">
      <Card title="Dashboards">
        <EmptyState
          title={frozen ? "No model evaluated on a frozen benchmark yet" : "No frozen benchmark yet"}
          action={
            <Link href={frozen ? "/models" : "/tester"} className="inline-flex h-8 items-center rounded-md bg-accent-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-accent-700">
              {frozen ? "Go to Models" : "Go to the Tester"}
            </Link>
          }
        >
          {frozen
            ? "Train a version (or register a base model) on Models and evaluate it; once two versions are evaluated on the same frozen benchmark, they are compared here, discipline by discipline, with the items one fixed and the other broke."
            : "Build and freeze a benchmark on the Tester page first (test first), then train and evaluate model versions on it."}
        </EmptyState>
      </Card>
    </div>
  );
}
