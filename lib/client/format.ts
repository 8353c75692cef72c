const integer = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export const formatInt = (n: number | null | undefined) => (n == null ? "–" : integer.format(n));

/** Large counts (tokens) read better as 1.2M in headline numbers; tables keep exact values. */
export const formatCompact = (n: number | null | undefined) => (n == null ? "–" : n < 10_000 ? integer.format(n) : compact.format(n));

/**
 * A share as a percentage, never rounded to 100% or 0% unless it is exactly that: 4,426 of 4,429
 * reads 99.9%, not 100% (more decimals until the figure tells, at most two).
 */
export function formatPercent(fraction: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  for (let digits = 0; digits <= 2; digits++) {
    const p = Number((f * 100).toFixed(digits));
    if ((p < 100 || f === 1) && (p > 0 || f === 0)) return `${p.toFixed(digits)}%`;
  }
  return f < 0.5 ? "<0.01%" : ">99.99%";
}

/** A 95% interval as "49.9–78.8%": one decimal, so a bound near 1 reads 100.0 rather than ">99.99%". */
export function formatInterval(low: number, high: number): string {
  const p = (x: number) => (Math.min(1, Math.max(0, x)) * 100).toFixed(1);
  return `${p(low)}–${p(high)}%`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : "–");
export const formatTime = (iso: string) => time.format(new Date(iso));

export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "–";
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (s < 5) return "just now";
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.floor(h / 24);
  if (d < 7) return `${d} d ago`;
  return formatDateTime(iso);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Wall time of a run: start to finish, or start to now while it still runs. */
export function runDuration(startedAt: string | null, finishedAt: string | null, now = Date.now()): string {
  if (!startedAt) return "–";
  const end = finishedAt ? new Date(finishedAt).getTime() : now;
  return formatDuration(end - new Date(startedAt).getTime());
}

export const isHttpUrl = (s: string | null | undefined): s is string => !!s && /^https?:\/\//i.test(s);
