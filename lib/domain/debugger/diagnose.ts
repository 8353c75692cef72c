import type { DiagnosisResult, ProbeResult, Unprobed } from "./types";

/**
 * Where a failure comes from, walking back from the answer: the last step whose single-hop probe
 * failed is the relation missing (or held backwards, when the model chose the relation run the
 * other way); with every step known, the last concept whose definition probe failed is missing;
 * with every step and concept known, the model knows the parts but not the chain (composition).
 * When a step could not be probed (or only by a weak probe, passed) and all the rest was passed,
 * nothing is claimed (unexplained).
 */
export function diagnose(steps: number, probes: readonly ProbeResult[], unprobed: readonly Unprobed[]): DiagnosisResult {
  const failedSteps = probes.filter((p) => p.level === "L2" && !p.correct).sort((a, b) => b.position - a.position);
  if (failedSteps.length) {
    const p = failedSteps[0];
    const backwards = p.choice !== null && p.options[p.choice]?.operator === "INVREL";
    return {
      diagnosis: backwards ? "WRONG_RELATION" : "MISSING_RELATION",
      step: p.position,
      conceptId: null,
      relationId: p.relationId,
      because: backwards
        ? `Step ${p.position + 1}: the model chose "${p.options[p.choice!].text}", the relation run backwards, over "${p.options[p.answerIndex].text}".`
        : `Step ${p.position + 1}: the model ${p.choice === null ? "gave no readable answer" : `chose "${p.options[p.choice].text}"`} where the structure says "${p.options[p.answerIndex].text}".`,
    };
  }
  const failedConcepts = probes.filter((p) => p.level === "L1" && !p.correct).sort((a, b) => b.position - a.position);
  if (failedConcepts.length) {
    const p = failedConcepts[0];
    return { diagnosis: "MISSING_CONCEPT", step: null, conceptId: p.conceptId, relationId: null, because: `The model does not know what the concept ${p.position === 0 ? "the chain starts from" : `reached at step ${p.position}`} is: its definition probe failed.` };
  }
  // A weak probe passed (its answer was in its own words) shows nothing: its step counts as unknown.
  const stepsKnown = new Set(probes.filter((p) => p.level === "L2" && !p.weak).map((p) => p.position)).size;
  if (stepsKnown === steps && steps > 0) {
    return { diagnosis: "COMPOSITION", step: null, conceptId: null, relationId: null, because: `The model knows each of the ${steps} steps on its own but not the chain they make.` };
  }
  const missing = [...unprobed.filter((u) => u.level === "L2"), ...probes.filter((p) => p.level === "L2" && p.weak).map((p) => ({ position: p.position, reason: p.weak! }))]
    .sort((a, b) => a.position - b.position)
    .map((u) => `step ${u.position + 1} (${u.reason})`);
  return { diagnosis: "UNEXPLAINED", step: null, conceptId: null, relationId: null, because: `Every probe asked was answered; not probed, or passed in a way that shows nothing: ${missing.join("; ") || "nothing"}.` };
}
