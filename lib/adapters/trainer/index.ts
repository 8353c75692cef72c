import type { Trainer } from "@/lib/domain/ports";
import type { TrainerApi } from "@/lib/domain/training";
import type { TrainerSettings } from "./http";
import { createOpenAiTrainer } from "./openai-compatible";
import { createTogetherTrainer } from "./together";

export type { TrainerSettings } from "./http";

/** The one place a fine-tuning provider is chosen: by the API its endpoint speaks. */
export function createTrainer(kind: TrainerApi, settings: TrainerSettings): Trainer {
  switch (kind) {
    case "openai":
      return createOpenAiTrainer(settings);
    case "together":
      return createTogetherTrainer(settings);
    default: {
      const never: never = kind;
      throw new Error(`No trainer for the "${String(never)}" API`);
    }
  }
}
