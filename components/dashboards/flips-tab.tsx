"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { cx } from "@/lib/client/cx";
import type { DashboardReport, Flip } from "@/lib/client/dashboards";
import { FORM_LABEL } from "@/components/debugger/labels";

const CHOSE: Record<string, string> = { INVREL: "the inverse relation (INVREL)", TRUNC: "the truncated chain (TRUNC)", NEARMISS: "the near-miss concept (NEARMISS)" };

const FILTERS = [
  { key: "all", label: "All" },
  { key: "fixed", label: "Fixed" },
  { key: "broken", label: "Broken" },
] as const;

/**
 * The items that changed between the pair, each with the Debugger's patches behind it: for a
 * fixed item the patch that fixed it, for a broken one the patch that preceded the regression.
 */
export function FlipsTab({ report: r, filter, go }: { report: DashboardReport; filter: string | null; go: (c: Record<string, string | null>) => void }) {
  const p = r.pair;
  if (!p) {
    return (
      <Card title="Flips">
        <EmptyState title="Pick two versions to see what changed">Turn on a second version above: the items one answers right and the other wrong are listed here, with the patches behind them.</EmptyState>
      </Card>
    );
  }
  const kind = filter === "fixed" || filter === "broken" ? filter : "all";
  const shown = r.flips.filter((f) => kind === "all" || f.kind === kind);
  const disciplines = new Map(r.byDiscipline.map((d) => [d.slug, d.name]));
  const count = { all: p.fixed + p.broken, fixed: p.fixed, broken: p.broken };
  return (
    <Card
      title={`Flips from ${p.first} to ${p.second}`}
      description={`${p.fixed} fixed (wrong in ${p.first}, right in ${p.second}) · ${p.broken} broken (right in ${p.first}, wrong in ${p.second}) · ${p.n - p.fixed - p.broken} unchanged`}
      bodyClassName="p-0"
      data-testid="flips"
      actions={
        <div className="flex rounded-md ring-1 ring-zinc-300 ring-inset" role="group" aria-label="Show">
          {FILTERS.map((f) => (
            <button
              key={f.key}
              type="button"
              aria-pressed={kind === f.key}
              onClick={() => go({ flips: f.key === "all" ? null : f.key })}
              data-testid={`flips-${f.key}`}
              className={cx("h-7 px-2.5 text-xs font-medium first:rounded-l-md last:rounded-r-md", kind === f.key ? "bg-zinc-800 text-white" : "text-zinc-600 hover:bg-zinc-50")}
            >
              {f.label} {count[f.key]}
            </button>
          ))}
        </div>
      }
    >
      {shown.length === 0 ? (
        <EmptyState title={count.all === 0 ? `${p.first} and ${p.second} answer the same items right` : `No ${kind} item`}>
          {count.all === 0 ? "Nothing flipped between the two: the difference between them is zero on every item." : "Show all flips to see the others."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <thead>
              <tr>
                <Th numeric>Item</Th>
                <Th>Change</Th>
                <Th>Question</Th>
                <Th>Discipline</Th>
                <Th numeric>Hops</Th>
                <Th>Wrong answer chose</Th>
                <Th>Patches behind it</Th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <FlipRow key={f.itemId} flip={f} discipline={disciplines.get(f.discipline) ?? f.discipline} pair={p} />
              ))}
            </tbody>
          </Table>
          {r.flipsNotListed > 0 && <p className="px-4 py-3 text-xs text-zinc-500">{r.flipsNotListed.toLocaleString()} more flips are counted above but not listed.</p>}
        </div>
      )}
    </Card>
  );
}

function FlipRow({ flip: f, discipline, pair }: { flip: Flip; discipline: string; pair: NonNullable<DashboardReport["pair"]> }) {
  const wrongSide = f.kind === "fixed" ? pair.first : pair.second;
  return (
    <Tr data-testid="flip-row" data-kind={f.kind} data-item={f.itemId}>
      <Td numeric className="align-top text-zinc-500">#{f.position + 1}</Td>
      <Td className="align-top">
        <Badge tone={f.kind === "fixed" ? "green" : "red"}>{f.kind === "fixed" ? "fixed" : "broken"}</Badge>
      </Td>
      <Td className="max-w-sm min-w-64 align-top">
        <p className="line-clamp-2 text-sm text-zinc-800" title={f.stem}>
          {f.stem}
        </p>
      </Td>
      <Td className="align-top whitespace-nowrap">{discipline}</Td>
      <Td numeric className="align-top">{f.hops}</Td>
      <Td className="align-top text-xs text-zinc-600">
        <span className="font-medium text-zinc-700">{wrongSide}</span> chose {f.wrongChose ? (CHOSE[f.wrongChose] ?? f.wrongChose) : "no option"}
      </Td>
      <Td className="align-top">
        {f.patches.length === 0 ? (
          <span className="text-xs text-zinc-400">{f.kind === "fixed" ? "none: fixed without a patch on its chain" : "none on its chain"}</span>
        ) : (
          <PatchGroups patches={f.patches} />
        )}
      </Td>
    </Tr>
  );
}

type FlipPatch = Flip["patches"][number];

/**
 * The patches grouped as a lead reads them: where they went and why they count (in the newer
 * version's data and made for this failure, ...), then one line per concept or relation taught,
 * each form a link to its patch.
 */
function PatchGroups({ patches }: { patches: readonly FlipPatch[] }) {
  const groups = new Map<string, { title: string; targets: Map<string, FlipPatch[]> }>();
  for (const p of patches) {
    const where = p.appliedTo ? `In ${p.appliedTo.name} v${p.appliedTo.version}` : `Not applied (${p.status.toLowerCase()})`;
    const title = `${where} · ${p.via === "item" ? "made for this failure" : "teaches a step of its chain"}`;
    const g = groups.get(title) ?? { title, targets: new Map() };
    const key = `${p.targetKind}:${p.target}`;
    g.targets.set(key, [...(g.targets.get(key) ?? []), p]);
    groups.set(title, g);
  }
  return (
    <div className="space-y-2">
      {[...groups.values()].map((g) => (
        <div key={g.title}>
          <p className="text-[11px] font-medium text-zinc-500">{g.title}</p>
          <ul className="mt-0.5 space-y-0.5">
            {[...g.targets.entries()].map(([key, ps]) => (
              <li key={key} className="flex flex-wrap items-baseline gap-x-1.5 text-xs">
                <span className="text-zinc-800">
                  <span className="text-zinc-500">{ps[0].targetKind === "relation" ? "Relation" : "Concept"}:</span> {ps[0].target}
                </span>
                {ps.map((p) => (
                  <Link
                    key={p.id}
                    href={`/debugger/patches/${p.id}`}
                    className="rounded bg-accent-50 px-1.5 py-px font-medium text-accent-700 ring-1 ring-accent-100 ring-inset hover:bg-accent-100"
                    data-testid="flip-patch"
                    data-patch={p.id}
                    data-in-lineage={p.inLineage}
                    title={`Open the patch (${p.status.toLowerCase()})`}
                  >
                    {FORM_LABEL[p.form] ?? p.form}
                  </Link>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
