"use client";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatInt, formatPercent } from "@/lib/client/format";
import { useKnowledgeStats, type KnowledgeStats } from "@/lib/client/knowledge";

type Counts = KnowledgeStats["disciplines"][number]["concepts"];
const total = (c: Counts) => c.DRAFT + c.APPROVED + c.REJECTED;

function Level({ c }: { c: Counts }) {
  return (
    <span title={`${c.APPROVED} approved, ${c.DRAFT} draft, ${c.REJECTED} rejected`}>
      <span className="tabular-nums text-zinc-900">{formatInt(total(c))}</span>
      {c.APPROVED > 0 && <span className="ml-1 text-xs text-emerald-700 tabular-nums">{formatInt(c.APPROVED)} ✓</span>}
    </span>
  );
}

/** The structure per discipline (L1, L2, L3 with review progress) and the reachability gate. */
export function KnowledgeStatsCard({ discipline }: { discipline: string | null }) {
  const { data } = useKnowledgeStats(discipline);
  const rows = data?.disciplines ?? [];
  return (
    <Card
      title="Knowledge structure"
      description="L1 concepts, L2 relations and L3 chains per discipline; ✓ counts approved items"
      actions={
        data && (
          <Badge tone={data.reachability === 1 ? "green" : "red"} data-testid="reachability">
            Reachability {formatPercent(data.reachability)}
          </Badge>
        )
      }
      bodyClassName="p-0"
      data-testid="knowledge-stats"
    >
      {!data ? (
        <SkeletonRows rows={8} className="p-4" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Discipline</Th>
              <Th numeric>Chunks extracted</Th>
              <Th numeric>L1 concepts</Th>
              <Th numeric>L2 relations</Th>
              <Th numeric>L3 chains</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <Tr key={d.slug} data-testid="knowledge-row" data-slug={d.slug}>
                <Td className="font-medium text-zinc-900">{d.name}</Td>
                <Td numeric className="text-zinc-600">
                  {formatInt(d.extractedChunks)} / {formatInt(d.chunks)}
                </Td>
                <Td numeric><Level c={d.concepts} /></Td>
                <Td numeric><Level c={d.relations} /></Td>
                <Td numeric><Level c={d.chains} /></Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {data && data.violations.length > 0 && (
        <ul className="space-y-1 border-t border-red-200 bg-red-50 p-3 text-xs text-red-800" aria-label="Reachability violations">
          {data.violations.map((v, i) => (
            <li key={i}>{v.message}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
