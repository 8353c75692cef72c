/**
 * The statistics a lead needs to tell noise from gain, pure and dependency-free: a paired test of
 * two models on the same items (McNemar), and a rank correlation that handles ties (Spearman).
 */

/** Two models' answers to the same items, item by item: right (true) or wrong (false). */
export type PairedOutcomes = readonly (readonly [boolean, boolean])[];

export type McNemar = {
  /** items only the first model answered right */
  onlyFirst: number;
  /** items only the second model answered right */
  onlySecond: number;
  /** exact (binomial) below 25 discordant pairs, else chi-squared with continuity correction */
  method: "exact" | "chi2";
  statistic: number | null;
  /** two-sided */
  pValue: number;
};

/**
 * McNemar's test: only the discordant items count. With few of them the exact binomial test
 * (two-sided, doubled smaller tail), else the chi-squared statistic (|b − c| − 1)² / (b + c) on
 * one degree of freedom.
 */
export function mcnemar(pairs: PairedOutcomes): McNemar {
  let b = 0;
  let c = 0;
  for (const [first, second] of pairs) {
    if (first && !second) b++;
    else if (!first && second) c++;
  }
  const n = b + c;
  if (n === 0) return { onlyFirst: 0, onlySecond: 0, method: "exact", statistic: null, pValue: 1 };
  if (n < 25) {
    let tail = 0;
    for (let k = 0; k <= Math.min(b, c); k++) tail += binomial(n, k) / 2 ** n;
    return { onlyFirst: b, onlySecond: c, method: "exact", statistic: null, pValue: Math.min(1, 2 * tail) };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  return { onlyFirst: b, onlySecond: c, method: "chi2", statistic, pValue: erfc(Math.sqrt(statistic / 2)) };
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** The complementary error function (Numerical Recipes' erfcc, |error| < 1.2e-7): P(χ²₁ > x) = erfc(√(x/2)). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Ranks from 1, ties sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks, which is exact with
 * ties (the 1 − 6Σd²/(n(n²−1)) shortcut is not). Null below 3 pairs or when either side is constant.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): { rho: number | null; n: number } {
  if (xs.length !== ys.length) throw new Error("spearman: the two lists differ in length");
  const n = xs.length;
  if (n < 3) return { rho: null, n };
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return { rho: sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy), n };
}
