import { z } from "zod";

/**
 * The knobs of one fine-tune, in ProDa's own names. Each trainer maps them to its API and drops
 * what it has no use for (OpenAI takes a learning-rate multiplier and no LoRA settings; Together
 * and the own-GPU configs take an absolute learning rate): one schema, so a run records what was
 * asked whatever provider trained it.
 */
export const hyperparametersSchema = z.object({
  epochs: z.number().int().min(1).max(50).default(3),
  /** absolute learning rate (Together, LLaMA-Factory, Axolotl) */
  learningRate: z.number().positive().optional(),
  /** scaling of the provider's default learning rate (OpenAI) */
  learningRateMultiplier: z.number().positive().optional(),
  batchSize: z.number().int().positive().optional(),
  loraRank: z.number().int().positive().optional(),
  loraAlpha: z.number().positive().optional(),
  seed: z.number().int().optional(),
  method: z.enum(["lora", "full"]).default("lora"),
});

export type Hyperparameters = z.infer<typeof hyperparametersSchema>;
/** What a caller may pass: every field optional, the defaults filled in by the schema. */
export type HyperparametersInput = z.input<typeof hyperparametersSchema>;

export const DEFAULT_HYPERPARAMETERS: Hyperparameters = hyperparametersSchema.parse({});

/** Hyperparameters with every value a training script needs, for configs that must spell them all out. */
export type ResolvedHyperparameters = Required<Omit<Hyperparameters, "learningRateMultiplier">> & Pick<Hyperparameters, "learningRateMultiplier">;

/**
 * The common defaults of open-weight SFT recipes where the caller left a value out: a full
 * fine-tune needs a learning rate about ten times smaller than a LoRA; alpha twice the rank.
 */
export function resolveHyperparameters(h: Hyperparameters): ResolvedHyperparameters {
  const loraRank = h.loraRank ?? 16;
  return {
    ...h,
    learningRate: h.learningRate ?? (h.method === "full" ? 1e-5 : 1e-4),
    batchSize: h.batchSize ?? 4,
    loraRank,
    loraAlpha: h.loraAlpha ?? loraRank * 2,
    seed: h.seed ?? 42,
  };
}
