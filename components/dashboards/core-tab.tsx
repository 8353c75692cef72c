"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { DashboardReport } from "@/lib/client/dashboards";
import { ChartFrame } from "./chart-frame";
import { colorOf, pct1, percentTick, tooltipPercent } from "./palette";

const verdict = (pass: boolean | null) => (pass === true ? <Badge tone="green">pass</Badge> : pass === false ? <Badge tone="red">fail</Badge> : <Badge>not checked</Badge>);

/** The CORE reports of the compared versions' training sets, side by side. */
export function CoreTab({ report: r }: { report: DashboardReport }) {
  const columns = r.core;
  const withSet = columns.filter((c) => c.trainingSet);
  const keys = [...new Set(columns.flatMap((c) => c.checks.map((k) => k.key)))];
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  const conceptsTaught = (c: (typeof columns)[number]) => (c.coverage ? share(c.coverage.coveredConcepts, c.coverage.concepts) : 0);
  const relationsTaught = (c: (typeof columns)[number]) => (c.coverage ? share(c.coverage.coveredRelations, c.coverage.relations) : 0);
  const shares = [
    { measure: "Contextualized", ...Object.fromEntries(withSet.map((c) => [c.model, 100 * (c.contextualized ?? 0)])) },
    { measure: "Organized", ...Object.fromEntries(withSet.map((c) => [c.model, 100 * (c.organized ?? 0)])) },
    { measure: "Concepts taught", ...Object.fromEntries(withSet.map((c) => [c.model, 100 * conceptsTaught(c)])) },
    { measure: "Relations taught", ...Object.fromEntries(withSet.map((c) => [c.model, 100 * relationsTaught(c)])) },
  ];
  const colors = new Map(r.models.map((m) => [m.name, colorOf(r, m.name)]));
  return (
    <div className="space-y-6">
      <Card title="CORE of the compared training sets" description="Contextualized · Organized · Rigorous · Evolving, for the set each version was trained on" bodyClassName="p-0 overflow-x-auto" data-testid="core-table">
        <Table>
          <thead>
            <tr>
              <Th />
              {columns.map((c) => (
                <Th key={c.model} data-testid="core-column" data-model={c.model}>
                  <span className="mr-1.5 inline-block size-2.5 rounded-full align-middle" style={{ background: colors.get(c.model) }} aria-hidden />
                  {c.model}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Tr>
              <Td className="font-medium">Training set</Td>
              {columns.map((c) => (
                <Td key={c.model}>
                  {c.trainingSet ? (
                    <Link href={`/builder?set=${encodeURIComponent(c.trainingSet.id)}`} className="text-accent-700 hover:underline">
                      {c.trainingSet.name} v{c.trainingSet.version}
                    </Link>
                  ) : (
                    <span className="text-zinc-400">none here (a registered model)</span>
                  )}
                  {c.trainingSet && <span className="block text-xs text-zinc-500">{c.trainingSet.instances.toLocaleString()} instances</span>}
                </Td>
              ))}
            </Tr>
            <Tr>
              <Td className="font-medium">Contextualized <span className="block text-xs font-normal text-zinc-500">grounded in a source chunk</span></Td>
              {columns.map((c) => <Td key={c.model}>{c.contextualized === null ? "–" : pct1(c.contextualized)}</Td>)}
            </Tr>
            <Tr>
              <Td className="font-medium">Organized <span className="block text-xs font-normal text-zinc-500">linked to L1/L2 items</span></Td>
              {columns.map((c) => <Td key={c.model}>{c.organized === null ? "–" : pct1(c.organized)}</Td>)}
            </Tr>
            <Tr>
              <Td className="pl-8 text-xs text-zinc-600">concepts of its disciplines taught</Td>
              {columns.map((c) => <Td key={c.model} className="text-xs text-zinc-600">{c.coverage ? `${pct1(conceptsTaught(c))} (${c.coverage.coveredConcepts.toLocaleString()} of ${c.coverage.concepts.toLocaleString()})` : "–"}</Td>)}
            </Tr>
            <Tr>
              <Td className="pl-8 text-xs text-zinc-600">relations of its disciplines taught</Td>
              {columns.map((c) => <Td key={c.model} className="text-xs text-zinc-600">{c.coverage ? `${pct1(relationsTaught(c))} (${c.coverage.coveredRelations.toLocaleString()} of ${c.coverage.relations.toLocaleString()})` : "–"}</Td>)}
            </Tr>
            <Tr>
              <Td className="font-medium">Rigorous</Td>
              {columns.map((c) => <Td key={c.model}>{c.trainingSet ? verdict(c.rigorous) : "–"}</Td>)}
            </Tr>
            {keys.map((k) => (
              <Tr key={k}>
                <Td className="pl-8 text-xs text-zinc-600">{k}</Td>
                {columns.map((c) => {
                  const check = c.checks.find((x) => x.key === k);
                  return (
                    <Td key={c.model} className="text-xs text-zinc-600">
                      {!check ? "–" : check.pass === null ? check.label : check.pass ? "pass" : `${check.count} ${check.label}`}
                    </Td>
                  );
                })}
              </Tr>
            ))}
            <Tr>
              <Td className="font-medium">Evolving <span className="block text-xs font-normal text-zinc-500">lineage since its parent</span></Td>
              {columns.map((c) => (
                <Td key={c.model} data-testid="core-evolving">
                  {!c.evolving ? "–" : c.evolving.parent ? `+${c.evolving.added} / −${c.evolving.removed} since ${c.evolving.parent}${c.evolving.patches ? `, ${c.evolving.patches} from patches` : ""}` : "first version"}
                </Td>
              ))}
            </Tr>
          </tbody>
        </Table>
      </Card>
      {withSet.length > 0 && (
        <ChartFrame
          id="core-shares"
          title="Contextualized, organized and coverage, side by side"
          description="Shares of each set's instances (grounded, linked), and of its disciplines' concepts and relations it teaches"
          fileTag={`v${r.benchmark!.version}`}
          height={300}
          legend={withSet.map((c) => ({ name: c.model, color: colors.get(c.model)! }))}
          table={{ header: ["model", "training_set", "version", "instances", "contextualized", "organized", "concepts_taught", "relations_taught", "rigorous", "added", "removed", "patches"], rows: columns.map((c) => [c.model, c.trainingSet?.name ?? null, c.trainingSet?.version ?? null, c.trainingSet?.instances ?? null, c.contextualized, c.organized, c.coverage ? conceptsTaught(c) : null, c.coverage ? relationsTaught(c) : null, c.rigorous === null ? null : String(c.rigorous), c.evolving?.added ?? null, c.evolving?.removed ?? null, c.evolving?.patches ?? null]) }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={shares} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid horizontal={false} stroke="#e4e4e7" />
              <XAxis type="number" domain={[0, 100]} tickFormatter={percentTick} stroke="#71717a" fontSize={12} />
              <YAxis type="category" dataKey="measure" width={120} stroke="#71717a" fontSize={12} />
              <Tooltip formatter={tooltipPercent} />
              {withSet.map((c) => (
                <Bar key={c.model} dataKey={c.model} fill={colors.get(c.model)} barSize={14} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      )}
    </div>
  );
}
