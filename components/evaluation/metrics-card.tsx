"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatInterval, formatPercent } from "@/lib/client/format";
import type { EvaluationDetail } from "@/lib/client/models";
import { hrefWith } from "@/lib/client/url";

type Metrics = NonNullable<EvaluationDetail["metrics"]>;
type Group = Metrics["byDiscipline"][string];

const interval = (g: Group) => formatInterval(g.interval.low, g.interval.high);
export const CHOICE_LABEL: Record<string, string> = { INVREL: "inverse relation (INVREL)", TRUNC: "truncated chain (TRUNC)", NEARMISS: "near-miss concept (NEARMISS)", unparseable: "no option (unparseable)", other: "other" };

/** The run's metrics: overall with its 95% interval, per discipline, per chain length, and where wrong answers went. */
export function MetricsCard({ detail }: { detail: EvaluationDetail }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const m = detail.metrics;
  const filter = (changes: Record<string, string | null>) => hrefWith(pathname, params, { ...changes, item: null });
  if (!m) return null;
  const names = new Map(detail.disciplines.map((d) => [d.slug, d.name]));
  return (
    <Card title="Metrics" description={`${detail.modelVersion.name} on benchmark v${detail.benchmark.version}; 95% Wilson intervals`} data-testid="evaluation-metrics">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Accuracy" value={formatPercent(m.accuracy)} sub={`95% interval ${interval(m)}`} data-testid="metric-accuracy" />
        <Stat label="Items" value={m.n.toLocaleString()} sub={`${m.correct.toLocaleString()} right`} />
        <Stat label="Unparseable" value={m.unparseable.toLocaleString()} sub="counted as wrong" />
        <Stat label="Wrong" value={(m.n - m.correct).toLocaleString()} sub="see where they went below" />
      </dl>
      <div className="mt-5 space-y-5">
        <div>
          <h3 className="mb-1 text-xs font-semibold text-zinc-700">By discipline</h3>
          <Table>
            <thead>
              <tr>
                <Th>Discipline</Th>
                <Th numeric>Items</Th>
                <Th>Accuracy</Th>
                <Th numeric>95% interval</Th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(m.byDiscipline).map(([slug, g]) => (
                <Tr key={slug} data-testid="metric-discipline">
                  <Td>
                    <Link href={filter({ discipline: slug })} className="text-accent-700 hover:underline">
                      {names.get(slug) ?? slug}
                    </Link>
                  </Td>
                  <Td numeric>{g.n}</Td>
                  <Td>
                    <div className="flex items-center gap-2">
                      <ProgressBar value={g.accuracy} tone={g.accuracy >= m.accuracy ? "green" : "amber"} label={`${slug} accuracy`} className="w-40" />
                      <span className="text-xs tabular-nums">{formatPercent(g.accuracy)}</span>
                    </div>
                  </Td>
                  <Td numeric className="text-xs text-zinc-500">{interval(g)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="mb-1 text-xs font-semibold text-zinc-700">By chain length</h3>
            <Table>
              <thead>
                <tr>
                  <Th>Hops</Th>
                  <Th numeric>Items</Th>
                  <Th numeric>Accuracy</Th>
                  <Th numeric>95% interval</Th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(m.byLength).map(([len, g]) => (
                  <Tr key={len}>
                    <Td>{len}</Td>
                    <Td numeric>{g.n}</Td>
                    <Td numeric>{formatPercent(g.accuracy)}</Td>
                    <Td numeric className="text-xs text-zinc-500">{interval(g)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div>
            <h3 className="mb-1 text-xs font-semibold text-zinc-700">What the wrong answers chose</h3>
            <ul className="space-y-1 text-sm" data-testid="metric-operators">
              {(Object.entries(m.byOperator) as [keyof Metrics["byOperator"], Metrics["byOperator"]["INVREL"]][]).filter(([k, c]) => k !== "other" || c.count > 0).map(([k, c]) => (
                <li key={k} className="flex items-center gap-2">
                  <Link href={filter({ correct: "false", chose: k === "other" ? null : k })} className="w-52 shrink-0 truncate text-accent-700 hover:underline">
                    {CHOICE_LABEL[k]}
                  </Link>
                  <ProgressBar value={c.shareOfWrong} tone="red" label={`${k} share of wrong answers`} className="flex-1" />
                  <span className="w-24 text-right text-xs text-zinc-600 tabular-nums">
                    {c.count} · {formatPercent(c.shareOfWrong)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </Card>
  );
}
