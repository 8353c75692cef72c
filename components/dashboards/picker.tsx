"use client";

import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { cx } from "@/lib/client/cx";
import type { DashboardReport } from "@/lib/client/dashboards";
import { colorOf, pct1 } from "./palette";

type Go = (changes: Record<string, string | null>) => void;

/**
 * What is compared: the frozen benchmark, the versions evaluated on it (toggled on and off), and
 * the pair the paired test and the flips are about. Each change rewrites the URL.
 */
export function Picker({ report: r, go, busy }: { report: DashboardReport; go: Go; busy: boolean }) {
  const compared = r.models.map((m) => m.name);
  
  const toggle = (name: string) => {
    const on = compared.includes(name);
    if (on && compared.length === 1) return;
    // Kept in the order they were made, so colors and columns do not jump around.
    const next = r.available.map((a) => a.name).filter((n) => (n === name ? !on : compared.includes(n)));
    const pair = r.pair && next.includes(r.pair.first) && next.includes(r.pair.second) ? `${r.pair.first},${r.pair.second}` : null;
    go({ models: next.join(","), pair });
  };
  const setPair = (first: string, second: string) => go({ pair: first && second && first !== second ? `${first},${second}` : null });
  return (
    <Card
      title={r.benchmark!.name === `Benchmark v${r.benchmark!.version}` ? r.benchmark!.name : `Benchmark v${r.benchmark!.version}: ${r.benchmark!.name}`}
      description={`${r.benchmark!.items.toLocaleString()} active items, frozen; ${r.available.length} version${r.available.length === 1 ? "" : "s"} evaluated on it`}
      data-testid="dashboard-picker"
      actions={
        r.benchmarks.length > 1 ? (
          <label className="flex items-center gap-2 text-xs text-zinc-600">
            Benchmark
            <Select value={r.benchmark!.id} onChange={(e) => go({ benchmark: `v${r.benchmarks.find((b) => b.id === e.target.value)!.version}`, models: null, pair: null })} data-testid="benchmark-select" aria-label="Benchmark">
              {r.benchmarks.map((b) => (
                <option key={b.id} value={b.id} disabled={b.evaluated === 0}>
                  v{b.version} {b.name} ({b.evaluated} evaluated)
                </option>
              ))}
            </Select>
          </label>
        ) : undefined
      }
    >
      <div className="flex flex-wrap items-end gap-x-8 gap-y-4">
        <fieldset className="min-w-0" aria-busy={busy}>
          <legend className="mb-1.5 text-xs font-medium text-zinc-700">Compare</legend>
          <div className="flex flex-wrap gap-2">
            {r.available.map((a) => {
              const on = compared.includes(a.name);
              return (
                <button
                  key={a.name}
                  type="button"
                  aria-pressed={on}
                  onClick={() => toggle(a.name)}
                  data-testid="model-toggle"
                  data-name={a.name}
                  title={on ? (compared.length === 1 ? "At least one version is compared" : `Stop comparing ${a.name}`) : `Compare ${a.name}`}
                  className={cx(
                    "inline-flex h-8 items-center gap-2 rounded-full px-3 text-sm ring-1 ring-inset transition-colors",
                    on ? "bg-white font-medium text-zinc-900 shadow-xs ring-zinc-300" : "bg-zinc-50 text-zinc-400 ring-zinc-200 hover:text-zinc-700",
                  )}
                >
                  <span className="size-2.5 rounded-full" style={{ background: on ? colorOf(r, a.name) : "#d4d4d8" }} aria-hidden />
                  {a.name}
                  <span className="text-xs font-normal text-zinc-500">
                    {a.stage.toLowerCase() === a.name.toLowerCase() ? "" : `${a.stage.toLowerCase()} · `}
                    {pct1(a.accuracy)}
                  </span>
                </button>
              );
            })}
          </div>
        </fieldset>
        {compared.length >= 2 && (
          <div>
            <p className="mb-1.5 text-xs font-medium text-zinc-700">Paired test and flips: from → to</p>
            <div className="flex items-center gap-2">
              <Select value={r.pair?.first ?? ""} onChange={(e) => setPair(e.target.value, r.pair?.second ?? compared.at(-1)!)} data-testid="pair-first" aria-label="Older version of the pair">
                {compared.map((n) => (
                  <option key={n} value={n} disabled={n === r.pair?.second}>
                    {n}
                  </option>
                ))}
              </Select>
              <span className="text-zinc-400" aria-hidden>
                →
              </span>
              <Select value={r.pair?.second ?? ""} onChange={(e) => setPair(r.pair?.first ?? compared[0], e.target.value)} data-testid="pair-second" aria-label="Newer version of the pair">
                {compared.map((n) => (
                  <option key={n} value={n} disabled={n === r.pair?.first}>
                    {n}
                  </option>
                ))}
              </Select>
            </div>
          </div>
        )}
      </div>
      {compared.length < 2 && (
        <p className="mt-3 text-sm text-zinc-500" data-testid="pair-missing">
          {r.available.length < 2
            ? "Only one version is evaluated on this benchmark: evaluate another (a base model, or the next version) on Models to compare them."
            : "Turn on a second version to compare the two item by item."}
        </p>
      )}
    </Card>
  );
}
