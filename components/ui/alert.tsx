import type { ReactNode } from "react";
import { cx } from "@/lib/client/cx";

type AlertProps = { title?: string; children: ReactNode; className?: string; "data-testid"?: string };

/** A red box for errors the user should read; announced by screen readers when it appears. */
export function ErrorAlert({ title, children, className, ...rest }: AlertProps) {
  return (
    <div
      role="alert"
      data-testid={rest["data-testid"]}
      className={cx("rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800", className)}
    >
      {title && <p className="font-medium">{title}</p>}
      <div className={cx("break-words", title && "mt-0.5")}>{children}</div>
    </div>
  );
}
