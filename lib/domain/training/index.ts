/**
 * The fine-tune lifecycle, pure: the hyperparameters a run asks for, what a provider's status
 * means (and when to look again), and the configs of the own-GPU bundle. The providers
 * themselves are behind the Trainer port (lib/domain/ports.ts, lib/adapters/trainer).
 */
export { axolotlConfig, type BundleConfigInput, llamaFactoryConfig, llamaFactoryDatasetInfo, llamaFactoryTemplate } from "./bundle-configs";
export { DEFAULT_HYPERPARAMETERS, type Hyperparameters, type HyperparametersInput, hyperparametersSchema, type ResolvedHyperparameters, resolveHyperparameters } from "./hyperparameters";
export { FINE_TUNE_STATES, type FineTuneState, isTerminal, normaliseStatus, pollDelayMs, stepProgress, TRAINER_APIS, type TrainerApi } from "./status";
export { nextVersionName } from "./version-name";
export { toYaml, type YamlValue } from "./yaml";
