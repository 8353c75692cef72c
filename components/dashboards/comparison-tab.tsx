"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { cx } from "@/lib/client/cx";
import type { DashboardReport } from "@/lib/client/dashboards";
import { hrefWith } from "@/lib/client/url";
import { formatPValue } from "@/lib/domain/dashboards/compare";
import { ChartFrame } from "./chart-frame";
import { BASELINES, colorOf, pct1, percentTick, points, tooltipPercent } from "./palette";


/** Overall accuracy with intervals and baselines, the pair in words, and accuracy per discipline. */
/** Slanted names stay inside the chart: long ones are cut (the table below and the tooltip have them whole). */
const shortLabel = (name: string) => (name.length > 16 ? `${name.slice(0, 15).trimEnd()}…` : name);

export function ComparisonTab({ report: r }: { report: DashboardReport }) {
  const tag = `v${r.benchmark!.version}`;
  const names = r.models.map((m) => m.name);
  const overall = r.models.map((m) => ({
    model: m.name,
    // recharts draws no error bar on a bar of exactly 0: a hair above keeps a 0% version's interval.
    accuracy: Math.max(100 * m.overall.accuracy, 1e-3),
    interval: [100 * (m.overall.accuracy - m.overall.interval.low), 100 * (m.overall.interval.high - m.overall.accuracy)],
    color: colorOf(r, m.name),
  }));
  const perDiscipline = r.byDiscipline.map((d) => ({ discipline: d.name, ...Object.fromEntries(names.map((n) => [n, d.models[n] ? 100 * d.models[n].accuracy : null])) }));
  const many = r.byDiscipline.length > 6;
  return (
    <div className="space-y-6">
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <ChartFrame
          id="overall-accuracy"
          title="Overall accuracy with its 95% interval"
          description="Wilson intervals; dashed lines: what a surface cue alone scores"
          fileTag={tag}
          height={Math.max(150, 48 * r.models.length + 60)}
          legend={BASELINES.map((b) => ({ name: `${b.name} ${pct1(r.answerBias[b.key])}`, color: b.color, dashed: true }))}
          footer={<OverallTable report={r} />}
          table={{
            header: ["model", "stage", "accuracy", "interval_low", "interval_high", "correct", "items", "unparseable", ...BASELINES.map((b) => `baseline_${b.key}`)],
            rows: r.models.map((m) => [m.name, m.stage, m.overall.accuracy, m.overall.interval.low, m.overall.interval.high, m.overall.correct, m.overall.n, m.overall.unparseable, ...BASELINES.map((b) => r.answerBias[b.key])]),
          }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={overall} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid horizontal={false} stroke="#e4e4e7" />
              <XAxis type="number" domain={[0, 100]} tickFormatter={percentTick} stroke="#71717a" fontSize={12} />
              <YAxis type="category" dataKey="model" width={Math.min(240, 24 + 7 * Math.max(...names.map((n) => n.length + 7)))} stroke="#71717a" fontSize={12} tickFormatter={(name: string) => `${name} ${pct1(r.models.find((m) => m.name === name)?.overall.accuracy ?? 0)}`} />
              <Tooltip formatter={tooltipPercent} />
              {BASELINES.map((b) => (
                <ReferenceLine key={b.key} x={100 * r.answerBias[b.key]} stroke={b.color} strokeDasharray="4 3" strokeWidth={1.5} ifOverflow="extendDomain" />
              ))}
              <Bar dataKey="accuracy" name="Accuracy" barSize={22} isAnimationActive={false}>
                {overall.map((o) => (
                  <Cell key={o.model} fill={o.color} />
                ))}
                <ErrorBar dataKey="interval" direction="x" width={8} stroke="#27272a" strokeWidth={1.5} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <PairCard report={r} />
      </div>
      <ChartFrame
        id="accuracy-by-discipline"
        title="Accuracy per discipline"
        description={`${r.byDiscipline.length} discipline${r.byDiscipline.length === 1 ? "" : "s"}; the table below has the counts and the pair's deltas`}
        fileTag={tag}
        height={many ? 340 : 280}
        legend={r.models.map((m) => ({ name: m.name, color: colorOf(r, m.name) }))}
        table={{
          header: ["discipline", "items", ...names.flatMap((n) => [`${n}_accuracy`, `${n}_correct`, `${n}_n`]), ...(r.pair ? ["delta_points", "fixed", "broken"] : []), "best_cue_baseline", "chance"],
          rows: r.byDiscipline.map((d) => [
            d.slug, d.items,
            ...names.flatMap((n) => (d.models[n] ? [d.models[n].accuracy, d.models[n].correct, d.models[n].n] : [null, null, null])),
            ...(d.pair ? [d.pair.deltaPoints, d.pair.fixed, d.pair.broken] : []),
            d.baseline.bestCue, d.baseline.chance,
          ]),
        }}
        footer={<DisciplineTable report={r} />}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={perDiscipline} margin={{ top: 20, right: 16, bottom: many ? 48 : 8, left: many ? 36 : 0 }}>
            <CartesianGrid vertical={false} stroke="#e4e4e7" />
            <XAxis dataKey="discipline" stroke="#71717a" fontSize={12} interval={0} angle={many ? -30 : 0} textAnchor={many ? "end" : "middle"} tickFormatter={many ? shortLabel : undefined} />
            <YAxis domain={[0, 100]} tickFormatter={percentTick} stroke="#71717a" fontSize={12} width={44} />
            <Tooltip formatter={tooltipPercent} />
            {names.map((n) => (
              <Bar key={n} dataKey={n} name={n} fill={colorOf(r, n)} maxBarSize={48} minPointSize={2} isAnimationActive={false}>
                {!many && <LabelList dataKey={n} position="top" formatter={(v: unknown) => (typeof v === "number" ? `${v.toFixed(0)}%` : "")} fill="#52525b" fontSize={11} />}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}

/** The paired test in words, with its figures and the way to the items behind them. */
function PairCard({ report: r }: { report: DashboardReport }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const p = r.pair;
  if (!p) {
    return (
      <Card title="Paired test" data-testid="pair-card">
        <p className="text-sm text-zinc-500">Compare two versions to test whether the difference between them is more than noise.</p>
      </Card>
    );
  }
  const flips = (kind: string) => hrefWith(pathname, params, { tab: "flips", flips: kind });
  const significant = p.mcnemar.pValue < 0.05;
  return (
    <Card title={`${p.second} against ${p.first}, item by item`} description={`McNemar's test (${p.mcnemar.method === "exact" ? "exact binomial" : "χ² with continuity correction"}) on the ${p.n} items both answered`} data-testid="pair-card" data-significant={significant}>
      <p className="text-sm leading-6 text-zinc-800" data-testid="pair-sentence">
        {p.sentence}
      </p>
      {p.n > 0 && (
        <p className="mt-1 text-xs text-zinc-600" data-testid="pair-interval" data-low={p.interval.low.toFixed(1)} data-high={p.interval.high.toFixed(1)}>
          95% interval of the change: {points(p.interval.low)} to {points(p.interval.high)} points
          {p.interval.low <= 0 && p.interval.high >= 0 ? " (it includes no change: more items would tell)" : ""}
        </p>
      )}
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-4">
        <Stat label="Change" value={<span className={cx(p.deltaPoints > 0 ? "text-emerald-700" : p.deltaPoints < 0 ? "text-red-700" : "")}>{points(p.deltaPoints)} pts</span>} sub={`${pct1(p.firstCorrect / Math.max(1, p.n))} → ${pct1(p.secondCorrect / Math.max(1, p.n))}`} />
        <Stat label="McNemar p" value={formatPValue(p.mcnemar.pValue).replace(/^= /, "")} sub={significant ? "unlikely to be noise" : "could be noise"} />
        <Stat label="Fixed" value={<Link href={flips("fixed")} className="text-emerald-700 hover:underline" data-testid="pair-fixed">{p.fixed}</Link>} sub="wrong before, right now" />
        <Stat label="Broken" value={<Link href={flips("broken")} className="text-red-700 hover:underline" data-testid="pair-broken">{p.broken}</Link>} sub="right before, wrong now" />
      </dl>
    </Card>
  );
}

function OverallTable({ report: r }: { report: DashboardReport }) {
  return (
    <Table data-testid="overall-table">
      <thead>
        <tr>
          <Th>Version</Th>
          <Th numeric>Accuracy</Th>
          <Th numeric>95% interval</Th>
          <Th numeric>Right / items</Th>
          <Th numeric>No option named</Th>
        </tr>
      </thead>
      <tbody>
        {r.models.map((m) => (
          <Tr key={m.name} data-testid="overall-row" data-model={m.name}>
            <Td>
              <span className="mr-2 inline-block size-2.5 rounded-full" style={{ background: colorOf(r, m.name) }} aria-hidden />
              {m.name} <span className="text-xs text-zinc-500">{m.stage.toLowerCase()}</span>
            </Td>
            <Td numeric className="font-medium" data-testid="overall-accuracy">{pct1(m.overall.accuracy)}</Td>
            <Td numeric className="text-zinc-600">{`${pct1(m.overall.interval.low)} – ${pct1(m.overall.interval.high)}`}</Td>
            <Td numeric>{`${m.overall.correct} / ${m.overall.n}`}</Td>
            <Td numeric className="text-zinc-500">{m.overall.unparseable}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

function DisciplineTable({ report: r }: { report: DashboardReport }) {
  const names = r.models.map((m) => m.name);
  const delta = (x: number) => <span className={cx(x > 0 ? "text-emerald-700" : x < 0 ? "text-red-700" : "text-zinc-500")}>{points(x)}</span>;
  return (
    <div className="overflow-x-auto">
      <Table data-testid="discipline-table">
        <thead>
          <tr>
            <Th>Discipline</Th>
            <Th numeric>Items</Th>
            {names.map((n) => (
              <Th key={n} numeric>
                {n}
              </Th>
            ))}
            {r.pair && (
              <>
                <Th numeric>
                  Δ {r.pair.second} − {r.pair.first}
                </Th>
                <Th numeric>Fixed</Th>
                <Th numeric>Broken</Th>
              </>
            )}
            <Th numeric title="The best of the answer-bias baselines on these items (chance beside it)">Best surface cue</Th>
          </tr>
        </thead>
        <tbody>
          <Tr className="bg-zinc-50/60 font-medium">
            <Td>All disciplines</Td>
            <Td numeric>{r.benchmark!.items}</Td>
            {r.models.map((m) => (
              <Td key={m.name} numeric>
                {pct1(m.overall.accuracy)} <span className="text-xs font-normal text-zinc-500">{m.overall.correct}/{m.overall.n}</span>
              </Td>
            ))}
            {r.pair && (
              <>
                <Td numeric>{delta(r.pair.deltaPoints)}</Td>
                <Td numeric>{r.pair.fixed}</Td>
                <Td numeric>{r.pair.broken}</Td>
              </>
            )}
            <Td numeric className="text-zinc-500">
              {pct1(Math.max(r.answerBias.longestOption, r.answerBias.stemOverlap, r.answerBias.mostFrequentOption))}
            </Td>
          </Tr>
          {r.byDiscipline.map((d) => (
            <Tr key={d.slug} data-testid="discipline-row" data-discipline={d.slug}>
              <Td>{d.name}</Td>
              <Td numeric>{d.items}</Td>
              {names.map((n) => (
                <Td key={n} numeric>
                  {d.models[n] ? (
                    <>
                      {pct1(d.models[n].accuracy)} <span className="text-xs text-zinc-500">{d.models[n].correct}/{d.models[n].n}</span>
                    </>
                  ) : (
                    "–"
                  )}
                </Td>
              ))}
              {d.pair && (
                <>
                  <Td numeric data-testid="discipline-delta">{delta(d.pair.deltaPoints)}</Td>
                  <Td numeric>{d.pair.fixed}</Td>
                  <Td numeric>{d.pair.broken}</Td>
                </>
              )}
              <Td numeric className="text-zinc-500" title={`${d.baseline.cue}; chance ${pct1(d.baseline.chance)}`}>
                {pct1(d.baseline.bestCue)} <span className="text-xs">({d.baseline.cue})</span>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
