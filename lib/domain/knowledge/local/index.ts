export { createLocalExtractor, extractLocally, LOCAL_EXTRACTOR_VERSION } from "./local-extractor";
export { chunkSentences } from "./sentences";
export { sentenceTriples } from "./patterns";
export { linkChains } from "./chains";
