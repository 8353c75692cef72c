import { useEffect, useState } from "react";

/** The current time, refreshed every `intervalMs` so durations of running work keep moving. */
export function useNow(intervalMs: number | false): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!intervalMs) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
