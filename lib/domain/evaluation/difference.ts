import { wilsonInterval } from "./metrics";

/** Two models' answers to the same items, as a paired 2×2 table. */
export type PairedCounts = { bothRight: number; onlyBefore: number; onlyAfter: number; bothWrong: number };

/** A gain or loss in accuracy, after − before, in [−1, 1], with its 95% interval. */
export type Difference = { difference: number; low: number; high: number };

/**
 * The 95% interval of the gain in accuracy from one model to another on the same items, by
 * Newcombe's square-and-add method for paired proportions (Newcombe 1998, Stat Med 17:2635): each
 * accuracy's Wilson interval, combined with the correlation of the two models' answers (continuity
 * corrected). Pairing matters: V1 and V2 mostly agree, and an unpaired interval would be far wider.
 */
export function pairedDifferenceInterval(c: PairedCounts): Difference {
  const n = c.bothRight + c.onlyBefore + c.onlyAfter + c.bothWrong;
  if (n === 0) return { difference: 0, low: -1, high: 1 };
  const rightBefore = c.bothRight + c.onlyBefore;
  const rightAfter = c.bothRight + c.onlyAfter;
  const [p0, p1] = [rightBefore / n, rightAfter / n];
  const w0 = wilsonInterval(rightBefore, n);
  const w1 = wilsonInterval(rightAfter, n);
  const margins = rightBefore * (n - rightBefore) * rightAfter * (n - rightAfter);
  const cross = c.bothRight * c.bothWrong - c.onlyBefore * c.onlyAfter;
  // The correlation of the two accuracies; a small positive one is taken as none (continuity correction).
  const phi = margins === 0 ? 0 : cross > n / 2 ? (cross - n / 2) / Math.sqrt(margins) : cross >= 0 ? 0 : cross / Math.sqrt(margins);
  const half = (a: number, b: number) => Math.sqrt(Math.max(0, a * a + b * b - 2 * phi * a * b));
  const difference = p1 - p0;
  return {
    difference,
    low: Math.max(-1, difference - half(p1 - w1.low, w0.high - p0)),
    high: Math.min(1, difference + half(w1.high - p1, p0 - w0.low)),
  };
}
