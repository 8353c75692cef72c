import type { ReactNode } from "react";
import { cx } from "@/lib/client/cx";

type EmptyStateProps = { title: string; children?: ReactNode; action?: ReactNode; className?: string };

/** Says what is missing and what to do about it, never just "No data". */
export function EmptyState({ title, children, action, className }: EmptyStateProps) {
  return (
    <div className={cx("flex flex-col items-center justify-center px-6 py-10 text-center", className)} data-testid="empty-state">
      <p className="text-sm font-medium text-zinc-800">{title}</p>
      {children && <div className="mt-1 max-w-md text-sm text-zinc-500">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
