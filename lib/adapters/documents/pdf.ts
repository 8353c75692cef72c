import { PDFParse } from "pdf-parse";
import { DomainError } from "@/lib/domain/errors";
import { MAX_PDF_PAGES } from "@/lib/domain/corpus";

/**
 * Extracts the text of a PDF, page by page; a damaged or encrypted file is a CORRUPT_FILE error,
 * one with more than MAX_PDF_PAGES pages is TOO_LARGE (checked before any page is read).
 */
export async function pdfText(bytes: Uint8Array, fileName: string): Promise<{ title: string | null; pages: string[] }> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-")) {
    throw new DomainError("CORRUPT_FILE", `${fileName} is not a PDF file (no %PDF header)`);
  }
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const info = await parser.getInfo().catch(() => null);
    if (info && info.total > MAX_PDF_PAGES) {
      throw new DomainError("TOO_LARGE", `${fileName} has ${info.total} pages; a PDF may have at most ${MAX_PDF_PAGES}`);
    }
    const result = await parser.getText({ pageJoiner: "" });
    const title = typeof info?.info?.Title === "string" && info.info.Title.trim() ? info.info.Title.trim() : null;
    return { title, pages: result.pages.map((p) => p.text) };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError("CORRUPT_FILE", `${fileName} is a damaged PDF that cannot be read: ${(e as Error).message}`);
  } finally {
    await parser.destroy().catch(() => {});
  }
}

const TERMINAL = /[.!?:;"”)]$/;

/**
 * PDF text comes as visual lines. Lines are joined into paragraphs: a blank line, or a line
 * that ends a sentence and is clearly shorter than the page's lines, ends a paragraph;
 * words hyphenated across lines are rejoined.
 */
export function pdfLinesToMarkdown(pages: string[]): string {
  const paragraphs: string[] = [];
  for (const page of pages) {
    const lines = page.split("\n").map((l) => l.replace(/\t+/g, " ").trim());
    const lengths = lines.filter(Boolean).map((l) => l.length).sort((a, b) => a - b);
    const typical = lengths[Math.floor(lengths.length * 0.75)] ?? 0;
    let cur = "";
    const flush = () => {
      if (cur.trim()) paragraphs.push(cur.trim());
      cur = "";
    };
    for (const line of lines) {
      if (!line) {
        flush();
        continue;
      }
      if (cur.endsWith("-") && /^[a-z]/.test(line)) cur = cur.slice(0, -1) + line;
      else cur = cur ? `${cur} ${line}` : line;
      if (TERMINAL.test(line) && line.length < typical * 0.8) flush();
    }
    flush();
  }
  return paragraphs.join("\n\n");
}
