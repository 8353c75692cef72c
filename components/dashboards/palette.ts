import { DIAGNOSIS_LABEL } from "@/components/debugger/labels";

/** One color per compared version, in the order compared (colour-blind-safe Tableau 10). */
const MODEL_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f"];
const modelColor = (index: number) => MODEL_COLORS[index % MODEL_COLORS.length];

/**
 * A version's color, by its place among the versions evaluated on the benchmark (oldest first):
 * it keeps its color whichever others are compared with it.
 */
export const colorOf = (r: { available: readonly { name: string }[] }, name: string) => modelColor(Math.max(0, r.available.findIndex((a) => a.name === name)));

export const DIAGNOSIS_COLORS: Record<string, string> = { MISSING_RELATION: "#b91c1c", WRONG_RELATION: "#f87171", MISSING_CONCEPT: "#ca8a04", COMPOSITION: "#7c3aed", UNEXPLAINED: "#a1a1aa" };
export { DIAGNOSIS_LABEL };

export const OPERATOR_LABEL: Record<string, string> = { INVREL: "Inverse relation (INVREL)", TRUNC: "Truncated chain (TRUNC)", NEARMISS: "Near-miss concept (NEARMISS)", unparseable: "No option named" };

/** The answer-bias baselines as reference lines: what a test-taker gets from a surface cue alone. */
export const BASELINES = [
  { key: "chance", name: "Chance", color: "#52525b" },
  { key: "longestOption", name: "Longest option", color: "#9333ea" },
  { key: "stemOverlap", name: "Most words shared with the question", color: "#0891b2" },
  { key: "mostFrequentOption", name: "Most frequent option", color: "#854d0e" },
] as const;

export const pct1 = (x: number) => `${(x * 100).toFixed(1)}%`;
export const points = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;

/** Axis ticks and tooltips of the charts, which plot percentages (0–100). */
export const percentTick = (v: number) => `${v}%`;
export const tooltipPercent = (v: unknown) => (typeof v === "number" ? `${v.toFixed(1)}%` : String(v));
