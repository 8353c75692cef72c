import { cx } from "@/lib/client/cx";
import { formatPercent } from "@/lib/client/format";
import type { Tone } from "./badge";

const fills: Record<Tone, string> = {
  neutral: "bg-zinc-400",
  blue: "bg-sky-500",
  green: "bg-emerald-500",
  red: "bg-red-500",
  amber: "bg-amber-500",
  accent: "bg-accent-500",
};

type ProgressBarProps = {
  /** 0..1 */
  value: number;
  tone?: Tone;
  label: string;
  showPercent?: boolean;
  className?: string;
};

export function ProgressBar({ value, tone = "accent", label, showPercent = false, className }: ProgressBarProps) {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  return (
    <div className={cx("flex items-center gap-2", className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(v * 100)}
        className="h-1.5 min-w-12 flex-1 overflow-hidden rounded-full bg-zinc-200"
      >
        <div className={cx("h-full rounded-full transition-[width] duration-500 ease-out", fills[tone])} style={{ width: `${v * 100}%` }} />
      </div>
      {showPercent && <span className="w-9 shrink-0 text-right text-xs text-zinc-500 tabular-nums">{formatPercent(v)}</span>}
    </div>
  );
}
