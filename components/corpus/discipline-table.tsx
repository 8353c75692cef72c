"use client";

import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/alert";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { useCorpusStats } from "@/lib/client/corpus";
import { cx } from "@/lib/client/cx";
import { formatInt } from "@/lib/client/format";

const footCell = "sticky bottom-0 border-t border-b-0 border-zinc-200 bg-zinc-50 font-medium text-zinc-900 hover:bg-zinc-100";

type Props = { selected: string | null; onSelect: (slug: string | null) => void };

export function DisciplineTable({ selected, onSelect }: Props) {
  const { data, error, isPending } = useCorpusStats();

  return (
    <Card title="Disciplines" description="Select a row to scope the studio to one discipline" bodyClassName="p-0" data-testid="discipline-table">
      {isPending ? (
        <SkeletonRows rows={8} />
      ) : error ? (
        <div className="p-4">
          <ErrorAlert>{errorMessage(error)}</ErrorAlert>
        </div>
      ) : (
        <div className="max-h-[30rem] overflow-y-auto">
          <Table>
            <thead>
              <tr>
                <Th>Discipline</Th>
                <Th numeric>Documents</Th>
                <Th numeric>Chunks</Th>
                <Th numeric>Tokens</Th>
              </tr>
            </thead>
            <tbody>
              {data.disciplines.map((d) => {
                const isSelected = d.slug === selected;
                return (
                  <Tr
                    key={d.id}
                    interactive
                    selected={isSelected}
                    onClick={() => onSelect(isSelected ? null : d.slug)}
                    data-testid="discipline-row"
                    data-slug={d.slug}
                  >
                    <Td>
                      <button type="button" className={cx("text-left", isSelected ? "font-medium text-accent-700" : d.documents ? "text-zinc-900" : "text-zinc-500")}>
                        {d.name}
                      </button>
                    </Td>
                    <Td numeric className={cx(!d.documents && "text-zinc-400")}>{formatInt(d.documents)}</Td>
                    <Td numeric className={cx(!d.chunks && "text-zinc-400")}>{formatInt(d.chunks)}</Td>
                    <Td numeric className={cx(!d.tokens && "text-zinc-400")}>{formatInt(d.tokens)}</Td>
                  </Tr>
                );
              })}
            </tbody>
            <tfoot>
              {/* Sticky and opaque so the totals stay readable while the rows scroll under them. */}
              <tr onClick={() => onSelect(null)} data-testid="discipline-row-all" aria-current={!selected ? "true" : undefined} data-selected={!selected || undefined} className="cursor-pointer">
                <Td className={footCell}>
                  <button type="button" className={cx("text-left", !selected ? "text-accent-700" : "text-zinc-900")}>
                    All disciplines
                  </button>
                </Td>
                <Td numeric className={footCell}>{formatInt(data.total.documents)}</Td>
                <Td numeric className={footCell}>{formatInt(data.total.chunks)}</Td>
                <Td numeric className={footCell}>{formatInt(data.total.tokens)}</Td>
              </tr>
            </tfoot>
          </Table>
        </div>
      )}
    </Card>
  );
}
