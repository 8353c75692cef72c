/**
 * Below these an estimate is noise: the first percent of a run includes its start-up (selecting
 * chunks, loading a vocabulary), and a run a few seconds old has not shown its pace yet.
 */
export const MIN_PROGRESS = 0.02;
export const MIN_ELAPSED_MS = 3000;

/**
 * Time left for a running job if it keeps the pace it has had so far: elapsed × (1 − p) / p.
 * Null until progress means something (see above), and once it is complete.
 */
export function estimateTimeLeft(elapsedMs: number, progress: number): number | null {
  if (!Number.isFinite(elapsedMs) || !Number.isFinite(progress)) return null;
  if (progress < MIN_PROGRESS || progress >= 1 || elapsedMs < MIN_ELAPSED_MS) return null;
  return (elapsedMs * (1 - progress)) / progress;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "about 3 min left", "about 2 h 10 min left", "less than a minute left"; "–" without an estimate. */
export function formatTimeLeft(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 45_000) return "less than a minute left";
  if (ms < 55 * MINUTE) return `about ${Math.max(1, Math.round(ms / MINUTE))} min left`;
  if (ms < 48 * HOUR) {
    // Past an hour, to the nearest 10 minutes: more would promise a precision the pace does not have.
    const tens = Math.round(ms / (10 * MINUTE));
    const h = Math.floor(tens / 6);
    const m = (tens % 6) * 10;
    return `about ${h} h${m ? ` ${m} min` : ""} left`;
  }
  return `about ${Math.round(ms / (24 * HOUR))} days left`;
}

/** The estimate for a run from its start time and progress, as the Jobs page shows it. */
export const timeLeft = (startedAt: string | Date | null, progress: number, now: number): string =>
  formatTimeLeft(startedAt ? estimateTimeLeft(now - new Date(startedAt).getTime(), progress) : null);
