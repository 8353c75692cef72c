import { createHash } from "node:crypto";

/** Case, whitespace and punctuation differences do not make a chunk new. */
export function normaliseForHash(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function contentHash(text: string): string {
  return createHash("sha256").update(normaliseForHash(text)).digest("hex");
}

/** A document's identity for "unchanged" detection: exact text, not normalised. */
export function documentHash(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n/g, "\n").trim()).digest("hex");
}
