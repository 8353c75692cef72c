import { gainOf } from "./loop-figures";
import type { Stage } from "./stage";

/**
 * report: the comparison of V1 and V2 (and the figures the loop prints). Its inputs are every
 * version the figures come from, so it is up to date exactly when none of them changed: a data-CI
 * job learns from "report: up to date" that its numbers are those of the last run.
 */
export const reportStage: Stage = {
  name: "report",
  async plan(ctx) {
    const m = ctx.made;
    return {
      kind: "versions",
      fingerprint: {
        benchmark: m.benchmark ? `v${m.benchmark.version}` : null,
        setV1: m.sets.V1?.id ?? null,
        setV2: m.sets.V2?.id ?? null,
        evaluationV1: m.evaluations.V1 ?? null,
        evaluationV2: m.evaluations.V2 ?? null,
        debugRun: m.debugRun ?? null,
      },
    };
  },
  async restore(ctx) {
    const gain = await gainOf(ctx.db, ctx.made);
    return `nothing it reports changed since the last loop run${gain ? `: ${gain}` : ""}`;
  },
  async run(ctx) {
    const gain = await gainOf(ctx.db, ctx.made);
    return { output: null, reason: gain ?? "V1 only: no patch was approved, so there is no V2 to compare it with" };
  },
};
