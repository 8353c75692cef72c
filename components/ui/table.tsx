import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "@/lib/client/cx";

/** Dense data tables with one look: sticky header, tabular numbers, right-aligned counts. */
export function Table({ className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cx("w-full border-separate border-spacing-0 text-sm text-zinc-700", className)} {...rest} />;
}

export function Th({ className, numeric, ...rest }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={cx(
        "sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50/95 px-3 py-2 text-xs font-medium whitespace-nowrap text-zinc-500 backdrop-blur first:pl-4 last:pr-4",
        numeric ? "text-right" : "text-left",
        className,
      )}
      {...rest}
    />
  );
}

export function Td({ className, numeric, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td
      className={cx(
        "border-b border-zinc-100 px-3 py-2 align-middle first:pl-4 last:pr-4",
        numeric && "text-right whitespace-nowrap tabular-nums",
        className,
      )}
      {...rest}
    />
  );
}

type RowProps = HTMLAttributes<HTMLTableRowElement> & { selected?: boolean; interactive?: boolean };

export function Tr({ className, selected, interactive, ...rest }: RowProps) {
  return (
    <tr
      aria-current={selected ? "true" : undefined}
      data-selected={selected || undefined}
      className={cx(
        interactive && "cursor-pointer",
        selected ? "bg-accent-50/70" : interactive && "hover:bg-zinc-50",
        className,
      )}
      {...rest}
    />
  );
}
