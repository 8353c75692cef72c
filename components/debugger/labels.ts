import type { Tone } from "@/components/ui/badge";

export const DIAGNOSIS_LABEL: Record<string, string> = {
  MISSING_CONCEPT: "missing concept",
  MISSING_RELATION: "missing relation",
  WRONG_RELATION: "relation held backwards",
  COMPOSITION: "composition failure",
  UNEXPLAINED: "unexplained",
};
export const DIAGNOSIS_TONE: Record<string, Tone> = { MISSING_CONCEPT: "amber", MISSING_RELATION: "red", WRONG_RELATION: "red", COMPOSITION: "blue", UNEXPLAINED: "neutral" };
export const PATCH_TONE: Record<string, Tone> = { PROPOSED: "amber", APPROVED: "green", REJECTED: "neutral", APPLIED: "accent" };
export const FORM_LABEL: Record<string, string> = { definition: "definition", relation: "statement", inverse: "statement, other way", explanation: "grounded explanation", contrast: "contrast" };
