import type { ReactNode } from "react";
import { cx } from "@/lib/client/cx";

type StatProps = { label: string; value: ReactNode; sub?: ReactNode; className?: string; "data-testid"?: string };

/** A labelled number; the label/value pair is a definition term so it reads as "Chunks: 1,204". */
export function Stat({ label, value, sub, className, ...rest }: StatProps) {
  return (
    <div className={cx("min-w-0", className)} data-testid={rest["data-testid"]}>
      <dt className="truncate text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 truncate text-lg font-semibold text-zinc-900 tabular-nums">{value}</dd>
      {sub && <dd className="truncate text-xs text-zinc-500">{sub}</dd>}
    </div>
  );
}
