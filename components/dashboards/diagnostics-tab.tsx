"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { DashboardReport } from "@/lib/client/dashboards";
import { DIAGNOSES } from "@/lib/domain/debugger/types";
import { ChartFrame } from "./chart-frame";
import { BASELINES, DIAGNOSIS_COLORS, DIAGNOSIS_LABEL, colorOf, OPERATOR_LABEL, pct1, percentTick, points, tooltipPercent } from "./palette";

const OPERATORS = ["INVREL", "TRUNC", "NEARMISS", "unparseable"] as const;
/** A round top for a percentage axis whose quarters read well: 10, 20, 40, 60, 80 or 100. */
const niceTop = (max: number) => [10, 20, 40, 60, 80, 100].find((t) => max <= t) ?? 100;

/** Where the wrong answers went, how accuracy falls with chain length, what the Debugger found, and the surface-cue baselines. */
export function DiagnosticsTab({ report: r }: { report: DashboardReport }) {
  const tag = `v${r.benchmark!.version}`;
  const names = r.models.map((m) => m.name);
  const legend = r.models.map((m) => ({ name: m.name, color: colorOf(r, m.name) }));
  const operators = OPERATORS.map((op) => ({ operator: OPERATOR_LABEL[op].replace(/ \(.*\)$/, ""), ...Object.fromEntries(r.models.map((m) => [m.name, 100 * m.operators[op]])) }));
  const top = niceTop(Math.max(0, ...operators.flatMap((o) => names.map((n) => Number(o[n as keyof typeof o]) || 0))));
  const lengths = r.byLength.map((l) => ({ hops: `${l.hops} hops (${l.items})`, ...Object.fromEntries(names.map((n) => [n, l.models[n] ? 100 * l.models[n].accuracy : null])) }));
  return (
    <div className="space-y-6">
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <ChartFrame
          id="error-rate-by-operator"
          title="Error rate by the distractor chosen"
          description="Share of all items where the wrong answer chose it"
          fileTag={tag}
          legend={legend}
          table={{ header: ["model", ...OPERATORS.map((o) => `${o}_rate`), ...OPERATORS.map((o) => `${o}_count`), "items"], rows: r.models.map((m) => [m.name, ...OPERATORS.map((o) => m.operators[o]), ...OPERATORS.map((o) => m.operators.counts[o]), m.overall.n]) }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={operators} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid vertical={false} stroke="#e4e4e7" />
              <XAxis dataKey="operator" stroke="#71717a" fontSize={12} interval={0} />
              <YAxis domain={[0, top]} ticks={[0, 1, 2, 3, 4].map((k) => (k * top) / 4)} tickFormatter={percentTick} stroke="#71717a" fontSize={12} width={44} />
              <Tooltip formatter={tooltipPercent} />
              {names.map((n) => (
                <Bar key={n} dataKey={n} fill={colorOf(r, n)} maxBarSize={40} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame
          id="accuracy-by-chain-length"
          title="Accuracy against chain length"
          description={r.byLength.length > 1 ? "Hops of the chain the item tests (items per length in brackets)" : `Every item tests a ${r.byLength[0]?.hops ?? "?"}-hop chain: no length to compare yet`}
          fileTag={tag}
          legend={legend}
          table={{ header: ["hops", "items", ...names.flatMap((n) => [`${n}_accuracy`, `${n}_correct`, `${n}_n`])], rows: r.byLength.map((l) => [l.hops, l.items, ...names.flatMap((n) => (l.models[n] ? [l.models[n].accuracy, l.models[n].correct, l.models[n].n] : [null, null, null]))]) }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={lengths} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="#e4e4e7" />
              <XAxis dataKey="hops" stroke="#71717a" fontSize={12} padding={{ left: 24, right: 24 }} />
              <YAxis domain={[0, 100]} tickFormatter={percentTick} stroke="#71717a" fontSize={12} width={44} />
              <Tooltip formatter={tooltipPercent} />
              {names.map((n) => (
                <Line key={n} dataKey={n} stroke={colorOf(r, n)} strokeWidth={2} dot={{ r: 5, fill: colorOf(r, n), strokeWidth: 0 }} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
      <Diagnoses report={r} />
      <Baselines report={r} />
    </div>
  );
}

/** One bar per version and discipline, split by what the Debugger diagnosed for its failures. */
function Diagnoses({ report: r }: { report: DashboardReport }) {
  const traced = r.diagnoses.filter((d) => d.debugRunId);
  const untraced = r.diagnoses.filter((d) => !d.debugRunId).map((d) => d.model);
  const rows = traced.flatMap((d) => d.byDiscipline.map((x) => ({ row: `${d.model} · ${x.name}`, model: d.model, discipline: x.slug, ...x.counts })));
  const note = untraced.length ? `Not traced: ${untraced.join(", ")} (the Debugger traces a version's failures)` : "Every compared version was traced";
  if (!traced.length) {
    return (
      <Card title="Failure diagnoses by discipline" data-testid="diagnoses-empty">
        <EmptyState title="No compared version was traced yet" action={<Link href="/debugger" className="text-sm font-medium text-accent-700 hover:underline">Open the Debugger</Link>}>
          The Debugger walks each failed item back through its chain and says what was missing (a concept, a relation, or the composition). Trace an evaluation on the Debugger page, and its diagnoses appear here.
        </EmptyState>
      </Card>
    );
  }
  return (
    <ChartFrame
      id="diagnoses-by-discipline"
      title="Failure diagnoses by discipline"
      description={`From the newest debug run of each evaluation. ${note}.`}
      fileTag={`v${r.benchmark!.version}`}
      height={Math.max(140, 40 * rows.length + 48)}
      legend={DIAGNOSES.map((d) => ({ name: DIAGNOSIS_LABEL[d], color: DIAGNOSIS_COLORS[d] }))}
      table={{ header: ["model", "discipline", ...DIAGNOSES], rows: rows.map((x) => [x.model, x.discipline, ...DIAGNOSES.map((d) => x[d])]) }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e4e4e7" />
          <XAxis type="number" allowDecimals={false} stroke="#71717a" fontSize={12} />
          <YAxis type="category" dataKey="row" width={Math.min(260, 24 + 7 * Math.max(...rows.map((x) => x.row.length)))} stroke="#71717a" fontSize={12} />
          <Tooltip />
          {DIAGNOSES.map((d) => (
            <Bar key={d} dataKey={d} name={DIAGNOSIS_LABEL[d]} stackId="diagnosis" fill={DIAGNOSIS_COLORS[d]} barSize={22} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** The benchmark's answer-bias baselines beside each version: how far above a surface cue each one is. */
function Baselines({ report: r }: { report: DashboardReport }) {
  const best = Math.max(r.answerBias.longestOption, r.answerBias.stemOverlap, r.answerBias.mostFrequentOption);
  return (
    <Card title="Versions beside the answer-bias baselines" description="A baseline answers from a surface cue alone, never reading the question's subject; near chance means the items do not give the answer away" data-testid="baselines">
      <Table>
        <thead>
          <tr>
            <Th>Answered by</Th>
            <Th numeric>Accuracy</Th>
            <Th numeric>Against the best cue</Th>
          </tr>
        </thead>
        <tbody>
          {r.models.map((m) => (
            <Tr key={m.name} data-testid="baseline-model">
              <Td>
                <span className="mr-2 inline-block size-2.5 rounded-full" style={{ background: colorOf(r, m.name) }} aria-hidden />
                {m.name}
              </Td>
              <Td numeric>{pct1(m.overall.accuracy)}</Td>
              <Td numeric>{`${points(Number((100 * (m.overall.accuracy - best)).toFixed(1)))} pts`}</Td>
            </Tr>
          ))}
          {BASELINES.map((b) => (
            <Tr key={b.key} className="text-zinc-500" data-testid="baseline-row">
              <Td>
                <span className="mr-2 inline-block h-0 w-2.5 border-t-2 border-dashed align-middle" style={{ borderColor: b.color }} aria-hidden />
                {b.key === "chance" ? "Chance (one option at random)" : `Baseline: ${b.name.toLowerCase()}`}
              </Td>
              <Td numeric>{pct1(r.answerBias[b.key])}</Td>
              <Td numeric>–</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
