/** Topic cluster colours of the overview (light fill, strong tone); clusters past these are grey. */
const PALETTE = [
  ["#dbeafe", "#3b82f6"],
  ["#ffedd5", "#f97316"],
  ["#ede9fe", "#8b5cf6"],
  ["#ccfbf1", "#14b8a6"],
  ["#fce7f3", "#ec4899"],
  ["#ecfccb", "#65a30d"],
  ["#fef3c7", "#d97706"],
  ["#cffafe", "#0891b2"],
  ["#ffe4e6", "#e11d48"],
  ["#e0e7ff", "#4f46e5"],
] as const;
const NONE = ["#f4f4f5", "#a1a1aa"] as const;

/** How many clusters get a colour of their own (and a line in the legend). */
export const COLOURED_CLUSTERS = PALETTE.length;

export function clusterColour(cluster: number): { light: string; strong: string } {
  const [light, strong] = cluster >= 0 && cluster < PALETTE.length ? PALETTE[cluster] : NONE;
  return { light, strong };
}
