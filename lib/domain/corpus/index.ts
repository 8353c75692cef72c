export * from "./types";
export { countTokens } from "./tokens";
export { contentHash, documentHash, normaliseForHash } from "./hash";
export { markdownToBlocks } from "./markdown-blocks";
export { chunkBlocks, splitSentences, DEFAULT_MAX_TOKENS } from "./chunk";
export { qualityIssue, MIN_WORDS } from "./quality";
export { prepareDocument, type PreparedDocument } from "./prepare-document";
export { parseManifest, type ManifestEntry, type ManifestError } from "./manifest";
export * from "./limits";
