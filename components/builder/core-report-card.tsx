import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type { CoreReport } from "@/lib/client/builder";
import { useDisciplineName } from "@/lib/client/corpus";
import { formatPercent } from "@/lib/client/format";

const pct = formatPercent;
const ratio = (n: number, of: number) => (of === 0 ? "—" : `${n}/${of}`);

/** CORE: Contextualized, Organized (with coverage per discipline), Rigorous (checks), Evolving (lineage). */
export function CoreReportCard({ core }: { core: CoreReport }) {
  const disciplineName = useDisciplineName();
  const checks = Object.entries(core.rigorous.checks);
  return (
    <Card title="CORE report" description="Contextualized · Organized · Rigorous · Evolving" data-testid="core-report">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Contextualized" value={pct(core.contextualized.share)} sub={`${core.contextualized.grounded.toLocaleString()} from a chunk`} data-testid="core-c" />
        <Stat label="Organized" value={pct(core.organized.share)} sub={`${core.organized.linked.toLocaleString()} linked to L1/L2`} data-testid="core-o" />
        <Stat
          label="Rigorous"
          value={core.rigorous.pass === true ? "pass" : core.rigorous.pass === false ? "fail" : "pending"}
          sub={core.rigorous.pass === null ? "the gate has not run" : `${checks.filter(([, c]) => c.pass).length} of ${checks.length} checks pass`}
          data-testid="core-r"
        />
        <Stat
          label="Evolving"
          value={core.evolving.parent ? `+${core.evolving.added} / −${core.evolving.removed}` : "first version"}
          sub={core.evolving.parent ? `since ${core.evolving.parent.name} v${core.evolving.parent.version}` : (core.evolving.note ?? "no parent")}
          data-testid="core-e"
        />
      </dl>
      <ul className="mt-4 flex flex-wrap gap-2" aria-label="Rigorous checks">
        {checks.map(([key, c]) => (
          <li key={key}>
            <Badge tone={c.pass === true ? "green" : c.pass === false ? "red" : "neutral"} data-testid={`core-check-${key}`}>
              {key}: {c.pass === null ? c.label : c.pass ? "pass" : `${c.count} ${c.label}`}
            </Badge>
          </li>
        ))}
      </ul>
      <details className="mt-4">
        <summary className="cursor-pointer text-xs font-medium text-zinc-600">Coverage of the structure per discipline</summary>
        <table className="mt-2 w-full text-xs">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1 font-medium">Discipline</th>
              <th className="py-1 text-right font-medium">Concepts taught</th>
              <th className="py-1 text-right font-medium">Relations taught</th>
              <th className="py-1 text-right font-medium">Approved concepts</th>
              <th className="py-1 text-right font-medium">Approved relations</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {core.organized.coverage.map((r) => (
              <tr key={r.discipline} className="border-t border-zinc-100">
                <td className="py-1">{disciplineName(r.discipline)}</td>
                <td className="py-1 text-right">{ratio(r.coveredConcepts, r.concepts)}</td>
                <td className="py-1 text-right">{ratio(r.coveredRelations, r.relations)}</td>
                <td className="py-1 text-right">{ratio(r.coveredApprovedConcepts, r.approvedConcepts)}</td>
                <td className="py-1 text-right">{ratio(r.coveredApprovedRelations, r.approvedRelations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
