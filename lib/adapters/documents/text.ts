import { DomainError } from "@/lib/domain/errors";

/** Decodes a text file: UTF-8 (BOM stripped), else Windows-1252, which old exports often are. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new DomainError("CORRUPT_FILE", `${fileName} contains binary data (NUL bytes), not text`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
