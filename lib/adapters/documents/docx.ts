import mammoth from "mammoth";
import { DomainError } from "@/lib/domain/errors";

/** DOCX to HTML with mammoth (Word headings become <h1>…<h6>); a broken archive is CORRUPT_FILE. */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return value;
  } catch (e) {
    throw new DomainError("CORRUPT_FILE", `${fileName} is a damaged DOCX file that cannot be read: ${(e as Error).message}`);
  }
}
