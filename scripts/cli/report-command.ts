import type { DashboardReport } from "@/lib/domain/dashboards";
import { dashboardReport, reportQuery } from "@/lib/server/queries/dashboards";
import { parseInput } from "@/lib/server/http/parse-input";
import { withWorkspace } from "./workspace";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;
const DIAGNOSIS = { MISSING_CONCEPT: "missing concept", MISSING_RELATION: "missing relation", WRONG_RELATION: "relation backwards", COMPOSITION: "composition", UNEXPLAINED: "unexplained" } as const;

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned (numbers). */
function table(rows: string[][], indent = "  "): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => indent + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd()).join("\n");
}

/** The dashboard as a terminal reads it: the same figures as the page, section by section. */
export function formatReport(r: DashboardReport): string {
  if (!r.benchmark) return "No model version was evaluated on a frozen benchmark yet: `proda eval --model <name>` evaluates one.";
  const names = r.models.map((m) => m.name);
  const out: string[] = [];
  out.push(`Benchmark v${r.benchmark.version} "${r.benchmark.name}": ${r.benchmark.items} active items. Compared: ${names.join(", ")} (evaluated here: ${r.available.map((a) => a.name).join(", ")}).`, "");
  out.push("Overall (95% Wilson interval)");
  out.push(table([["version", "stage", "accuracy", "interval", "right", "items", "no option"], ...r.models.map((m) => [m.name, m.stage, pct(m.overall.accuracy), `${pct(m.overall.interval.low)}–${pct(m.overall.interval.high)}`, String(m.overall.correct), String(m.overall.n), String(m.overall.unparseable)])]));
  if (r.pair) out.push("", r.pair.sentence);
  const delta = r.pair ? `Δ ${r.pair.second}−${r.pair.first}` : null;
  out.push("", "By discipline (accuracy, right/items)");
  out.push(table([
    ["discipline", "items", ...names, ...(delta ? [delta, "fixed", "broken"] : []), "best cue", "chance"],
    ...r.byDiscipline.map((d) => [
      d.name, String(d.items),
      ...names.map((n) => (d.models[n] ? `${pct(d.models[n].accuracy)} ${d.models[n].correct}/${d.models[n].n}` : "–")),
      ...(d.pair ? [`${signed(d.pair.deltaPoints)} pts`, String(d.pair.fixed), String(d.pair.broken)] : []),
      pct(d.baseline.bestCue), pct(d.baseline.chance),
    ]),
  ]));
  out.push("", "By chain length");
  out.push(table([["hops", "items", ...names], ...r.byLength.map((l) => [String(l.hops), String(l.items), ...names.map((n) => (l.models[n] ? pct(l.models[n].accuracy) : "–"))])]));
  out.push("", "Error rate by the distractor chosen (share of all items)");
  out.push(table([["version", "INVREL", "TRUNC", "NEARMISS", "no option"], ...r.models.map((m) => [m.name, pct(m.operators.INVREL), pct(m.operators.TRUNC), pct(m.operators.NEARMISS), pct(m.operators.unparseable)])]));
  const b = r.answerBias;
  out.push("", `Answer-bias baselines: chance ${pct(b.chance)}, longest option ${pct(b.longestOption)}, most words shared with the question ${pct(b.stemOverlap)}, most frequent option ${pct(b.mostFrequentOption)}.`);
  if (r.pair) {
    out.push("", `Flips ${r.pair.first} → ${r.pair.second}: ${r.pair.fixed} fixed, ${r.pair.broken} broken${r.flipsNotListed ? ` (${r.flipsNotListed} not listed)` : ""}`);
    for (const f of r.flips) {
      const patches = f.patches.length ? f.patches.map((p) => `${p.id} (${p.form} of ${p.targetKind} ${p.target}${p.appliedTo ? `, in ${p.appliedTo.name} v${p.appliedTo.version}` : `, ${p.status.toLowerCase()}`})`).join("; ") : "no patch";
      out.push(`  ${f.kind.padEnd(6)} #${String(f.position + 1).padEnd(5)} ${f.discipline.padEnd(14)} ${f.stem.length > 70 ? `${f.stem.slice(0, 69)}…` : f.stem}\n         patches: ${patches}`);
    }
  }
  out.push("", "Failure diagnoses (newest debug run of each evaluation)");
  for (const d of r.diagnoses) {
    if (!d.debugRunId) out.push(`  ${d.model}: not traced (\`proda debug --model ${d.model}\`)`);
    else out.push(`  ${d.model}: ${d.traced} traced; ${d.byDiscipline.map((x) => `${x.name}: ${Object.entries(x.counts).filter(([, n]) => n > 0).map(([k, n]) => `${DIAGNOSIS[k as keyof typeof DIAGNOSIS]} ${n}`).join(", ")}`).join("; ")}`);
  }
  out.push("", "External benchmarks (Spearman ρ with this benchmark's accuracy)");
  if (!r.external.correlations.length) out.push("  no external score yet: enter them on the Dashboards page, or POST a CSV (model,benchmark,score) to /api/external-scores/import");
  for (const c of r.external.correlations) out.push(`  ${c.benchmark.padEnd(14)} ρ = ${c.rho === null ? "n/a (fewer than 3 versions, or ties throughout)" : c.rho.toFixed(3)}, n = ${c.n}`);
  out.push("", "CORE of the compared versions' training sets");
  out.push(table([
    ["version", "training set", "contextualized", "organized", "rigorous", "evolving"],
    ...r.core.map((c) => [
      c.model,
      c.trainingSet ? `${c.trainingSet.name} v${c.trainingSet.version} (${c.trainingSet.instances})` : "none",
      c.contextualized === null ? "–" : pct(c.contextualized),
      c.organized === null ? "–" : pct(c.organized),
      c.rigorous === null ? (c.trainingSet ? "pending" : "–") : c.rigorous ? "pass" : "fail",
      c.evolving ? (c.evolving.parent ? `+${c.evolving.added} since ${c.evolving.parent}, ${c.evolving.patches} patches` : "first version") : "–",
    ]),
  ]));
  return out.join("\n");
}

export async function reportCommand(opts: { benchmark?: string; models?: string; pair?: string; json?: boolean }): Promise<number> {
  const query = parseInput(reportQuery, { benchmark: opts.benchmark, models: opts.models, pair: opts.pair }, "options");
  return withWorkspace(async (db) => {
    const report = await dashboardReport(db, query);
    console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  });
}
