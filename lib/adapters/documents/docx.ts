import mammoth from "mammoth";
import { DomainError } from "@/lib/domain/errors";

// Images never reach a chunk (the HTML step drops them): without this mammoth would read each
// one and inline it as base64, the largest cost of a DOCX with pictures.
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

/** DOCX to HTML with mammoth (Word headings become <h1>…<h6>); a broken archive is CORRUPT_FILE. */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: skipImages });
    return value;
  } catch (e) {
    throw new DomainError("CORRUPT_FILE", `${fileName} is a damaged DOCX file that cannot be read: ${(e as Error).message}`);
  }
}
