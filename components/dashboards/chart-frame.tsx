"use client";

import { useRef, useState, type ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import { chartPng, fileSlug, saveBlob, toCsv, type ChartTable, type LegendEntry } from "./download";

type ChartFrameProps = {
  /** stable name: the test hook, and the downloads' file name with `fileTag` */
  id: string;
  title: string;
  description?: string;
  /** what tells the file apart from the same chart of another view (the benchmark, the pair) */
  fileTag: string;
  legend: readonly LegendEntry[];
  /** the chart's data, for the CSV */
  table: ChartTable;
  height?: number;
  children: ReactNode;
  /** below the chart, inside the card (a table of the same figures) */
  footer?: ReactNode;
  className?: string;
};

/** A chart in a card with its legend and two downloads: its data as CSV, and itself as PNG. */
export function ChartFrame({ id, title, description, fileTag, legend, table, height = 280, children, footer, className }: ChartFrameProps) {
  const chart = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const name = fileSlug(id, fileTag);
  const png = async () => {
    setError(null);
    try {
      saveBlob(await chartPng(chart.current!, title, description, legend), `${name}.png`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className={className} data-testid="chart" data-chart={id}>
    <Card
      title={title}
      description={description}
      actions={
        <>
          <Button size="sm" variant="ghost" onClick={() => saveBlob(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), `${name}.csv`)} data-testid="chart-csv" title="Download the chart's data as CSV">
            CSV
          </Button>
          <Button size="sm" variant="ghost" onClick={png} data-testid="chart-png" title="Download the chart as a PNG image">
            PNG
          </Button>
        </>
      }
    >
      <div ref={chart} style={{ height }} className="w-full min-w-0">
        {children}
      </div>
      {legend.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600" aria-label="Legend">
          {legend.map((e) => (
            <li key={e.name} className="flex items-center gap-1.5">
              {e.dashed ? <span className="h-0 w-3 border-t-2 border-dashed" style={{ borderColor: e.color }} aria-hidden /> : <span className="size-2.5 rounded-sm" style={{ background: e.color }} aria-hidden />}
              {e.name}
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorAlert className="mt-2">{error}</ErrorAlert>}
      {footer && <div className="mt-4">{footer}</div>}
    </Card>
    </div>
  );
}
