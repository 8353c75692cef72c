"use client";

import { CartesianGrid, Cell, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { DashboardReport } from "@/lib/client/dashboards";
import { ChartFrame } from "./chart-frame";
import { colorOf } from "./palette";
import { ScoresEditor } from "./scores-editor";

const OTHER = "#a1a1aa";
/** An axis around the scores with round ticks and a margin, so no point or its label sits on the plot's edge. */
function scoreAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi > lo ? hi - lo : Math.max(1, Math.abs(lo) * 0.2);
  const raw = (span * 1.3) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const start = Math.floor((lo - span * 0.15) / step) * step;
  const end = Math.ceil((hi + span * 0.15) / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toPrecision(6)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}
const rhoText = (rho: number | null) => (rho === null ? "n/a" : rho.toFixed(3));
const strength = (rho: number | null, n: number) =>
  rho === null ? (n < 3 ? "needs 3 versions or more" : "one side has no spread") : `${Math.abs(rho) >= 0.8 ? "strong" : Math.abs(rho) >= 0.5 ? "moderate" : "weak"} ${rho >= 0 ? "agreement" : "disagreement"}${n < 5 ? ", on very few versions" : ""}`;

/** Spearman's ρ between this benchmark and external ones, a scatter per external benchmark, and the scores themselves. */
export function ExternalTab({ report: r }: { report: DashboardReport }) {
  const correlations = r.external.correlations;
  const each = correlations.filter((c) => c.benchmark !== "overall");
  const overall = correlations.find((c) => c.benchmark === "overall");
  // A version keeps its color from the other charts; versions evaluated here but not compared are grey.
  const colors = new Map(r.models.map((m) => [m.name, colorOf(r, m.name)]));
  const legendOf = (points: { model: string }[]) => [
    ...r.models.filter((m) => points.some((p) => p.model === m.name)).map((m) => ({ name: m.name, color: colors.get(m.name)! })),
    ...(points.some((p) => !colors.has(p.model)) ? [{ name: "evaluated here, not compared", color: OTHER }] : []),
  ];
  return (
    <div className="space-y-6">
      {correlations.length === 0 ? (
        <Card title="Correlation with external benchmarks" data-testid="correlations-empty">
          <EmptyState title="No external score yet">
            Enter the versions’ scores on external benchmarks (GPQA, MMLU-Pro, …) below, or import a CSV: the rank correlation with this benchmark appears here, with a scatter per benchmark.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card title="Spearman rank correlation with this benchmark" description={`Over the versions evaluated on benchmark v${r.benchmark!.version} that have a score; overall pools every version × benchmark pair`} bodyClassName="p-0" data-testid="correlations">
            <Table>
              <thead>
                <tr>
                  <Th>External benchmark</Th>
                  <Th numeric>ρ</Th>
                  <Th numeric>n</Th>
                  <Th>Reading</Th>
                </tr>
              </thead>
              <tbody>
                {[...each, ...(overall && each.length > 1 ? [overall] : [])].map((c) => (
                  <Tr key={c.benchmark} data-testid="correlation-row" data-benchmark={c.benchmark} className={c.benchmark === "overall" ? "font-medium" : undefined}>
                    <Td>{c.benchmark === "overall" ? "Overall (pooled)" : c.benchmark}</Td>
                    <Td numeric data-testid="correlation-rho">{rhoText(c.rho)}</Td>
                    <Td numeric>{c.n}</Td>
                    <Td className="text-xs text-zinc-500">{strength(c.rho, c.n)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
          <div className="grid items-start gap-6 xl:grid-cols-2">
            {each.map((c) => (
              <ChartFrame
                key={c.benchmark}
                id={`scatter-${c.benchmark}`}
                title={`${c.benchmark} against this benchmark`}
                description={`ρ = ${rhoText(c.rho)}, n = ${c.n}`}
                fileTag={`v${r.benchmark!.version}`}
                legend={legendOf(c.points)}
                table={{ header: ["model", "external_benchmark", "external_score", "accuracy_here"], rows: c.points.map((p) => [p.model, c.benchmark, p.score, p.accuracy]) }}
              >
                <ResponsiveContainer width="100%" height="100%">
                  <ScatterChart margin={{ top: 16, right: 32, bottom: 24, left: 8 }}>
                    <CartesianGrid stroke="#e4e4e7" />
                    <XAxis type="number" dataKey="score" name={c.benchmark} {...scoreAxis(c.points.map((p) => p.score))} stroke="#71717a" fontSize={12} label={{ value: `${c.benchmark} score`, position: "insideBottom", offset: -12, fontSize: 12, fill: "#52525b" }} />
                    <YAxis type="number" dataKey="percent" name={`Accuracy on v${r.benchmark!.version}`} domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} stroke="#71717a" fontSize={12} width={56} label={{ value: `Accuracy on v${r.benchmark!.version}`, angle: -90, position: "insideLeft", offset: 4, dy: 48, fontSize: 12, fill: "#52525b" }} />
                    <Tooltip cursor={{ strokeDasharray: "3 3" }} />
                    <Scatter data={c.points.map((p) => ({ ...p, percent: 100 * p.accuracy }))} isAnimationActive={false}>
                      {c.points.map((p) => (
                        <Cell key={p.model} fill={colors.get(p.model) ?? OTHER} />
                      ))}
                      <LabelList dataKey="model" position="top" fontSize={11} fill="#3f3f46" />
                    </Scatter>
                  </ScatterChart>
                </ResponsiveContainer>
              </ChartFrame>
            ))}
          </div>
        </>
      )}
      <ScoresEditor report={r} />
    </div>
  );
}
