import type { Tone } from "@/components/ui/badge";
import { STUDENT_LABEL } from "@/lib/domain/student/describe";

/** How each trainer is named to people: the local student is never passed off as a language model. */
export const TRAINER_LABEL: Record<string, string> = {
  local: STUDENT_LABEL,
  openai: "OpenAI-compatible fine-tuning API",
  together: "Together fine-tuning API",
  bundle: "own GPUs (bundle)",
  registered: "registered (served elsewhere)",
};

/** The same, where a table has little room: the full label goes in the tooltip. */
export const TRAINER_SHORT: Record<string, string> = { local: "Local student", openai: "OpenAI fine-tune", together: "Together fine-tune", bundle: "Own GPUs (bundle)", registered: "Registered" };

export const STAGE_TONE: Record<string, Tone> = { BASE: "neutral", OFFICIAL: "blue", V1: "accent", V2: "green", CUSTOM: "amber" };

export const FINE_TUNE_TONE: Record<string, Tone> = { validating: "blue", queued: "neutral", running: "blue", succeeded: "green", failed: "red", cancelled: "amber", unknown: "neutral" };
