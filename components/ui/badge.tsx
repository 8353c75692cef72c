import type { HTMLAttributes } from "react";
import { cx } from "@/lib/client/cx";

export type Tone = "neutral" | "blue" | "green" | "red" | "amber" | "accent";

const tones: Record<Tone, { box: string; dot: string }> = {
  neutral: { box: "bg-zinc-100 text-zinc-700 ring-zinc-200", dot: "bg-zinc-400" },
  blue: { box: "bg-sky-50 text-sky-800 ring-sky-200", dot: "bg-sky-500" },
  green: { box: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  red: { box: "bg-red-50 text-red-800 ring-red-200", dot: "bg-red-500" },
  amber: { box: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500" },
  accent: { box: "bg-accent-50 text-accent-700 ring-accent-100", dot: "bg-accent-500" },
};

type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: Tone; dot?: boolean; pulse?: boolean };

export function Badge({ tone = "neutral", dot = false, pulse = false, className, children, ...rest }: BadgeProps) {
  const t = tones[tone];
  return (
    <span
      className={cx(
        "inline-flex h-5 items-center gap-1.5 rounded-full px-2 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        t.box,
        className,
      )}
      {...rest}
    >
      {dot && (
        <span className="relative flex size-1.5" aria-hidden>
          {pulse && <span className={cx("absolute inline-flex size-full animate-ping rounded-full opacity-60", t.dot)} />}
          <span className={cx("relative inline-flex size-1.5 rounded-full", t.dot)} />
        </span>
      )}
      {children}
    </span>
  );
}
