import { useId, type ReactNode } from "react";
import { cx } from "@/lib/client/cx";

type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Classes of the body; pass "p-0" for edge-to-edge tables. */
  bodyClassName?: string;
  /** Data attributes are put on the section, for tests to find a card by what it shows. */
  [data: `data-${string}`]: string | number | boolean | undefined;
};

/** A titled section; its title names the region so tests and screen readers can find it. */
export function Card({ title, description, actions, children, className, bodyClassName, ...rest }: CardProps) {
  const id = useId();
  return (
    <section
      aria-labelledby={title ? id : undefined}
      className={cx("flex min-w-0 flex-col rounded-lg border border-zinc-200 bg-white shadow-xs", className)}
      {...rest}
    >
      {(title || actions) && (
        <header className="flex min-h-12 shrink-0 items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2.5">
          <div className="min-w-0">
            {title && (
              <h2 id={id} className="truncate text-sm font-semibold text-zinc-900">
                {title}
              </h2>
            )}
            {description && <p className="mt-0.5 truncate text-xs text-zinc-500">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
        </header>
      )}
      <div className={cx("min-h-0 flex-1", bodyClassName ?? "p-4")}>{children}</div>
    </section>
  );
}
