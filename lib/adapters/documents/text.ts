import { DomainError } from "@/lib/domain/errors";

/** The encoding a byte order mark announces; TextDecoder drops the mark itself. */
function bomEncoding(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Decodes a text file: UTF-16 (LE or BE) or UTF-8 when a byte order mark says so (Windows tools
 * write UTF-16 with one), else UTF-8, else Windows-1252, which old exports often are. NUL bytes
 * without a UTF-16 mark mean binary data.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const bom = bomEncoding(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") return new TextDecoder(bom).decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new DomainError("CORRUPT_FILE", `${fileName} contains binary data (NUL bytes), not text`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
