import path from "node:path";
import { markdownToBlocks, type Block } from "@/lib/domain/corpus";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { docxToHtml } from "./docx";
import { htmlToMarkdown } from "./html";
import { pdfLinesToMarkdown, pdfText } from "./pdf";
import { checkPdfStreams } from "./pdf-guard";
import { decodeText } from "./text";
import { checkArchive } from "./zip-guard";

export type DocumentFormat = "txt" | "md" | "html" | "pdf" | "docx";
export type ExtractedDocument = { format: DocumentFormat; title: string | null; blocks: Block[] };

const FORMATS: Record<string, DocumentFormat> = {
  ".txt": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

export function formatOf(fileName: string): DocumentFormat | null {
  return FORMATS[path.extname(fileName).toLowerCase()] ?? null;
}

/**
 * Turns a file into headings and paragraphs. Every format goes through Markdown, so one
 * block splitter serves all of them; plain text is read as Markdown (the shared corpus uses
 * `#` headings in .txt files). Whatever goes wrong with a file is a DomainError about that file
 * (CORRUPT_FILE when a parser fails), never a crash that would fail the files beside it.
 */
export async function extractDocument(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const format = formatOf(fileName);
  if (!format) {
    throw new DomainError("UNSUPPORTED_FORMAT", `${fileName}: unsupported file type; use ${Object.keys(FORMATS).join(", ")}`);
  }
  try {
    const { markdown, title } = await toMarkdown(format, fileName, bytes);
    // Postgres cannot store U+0000; PDFs and Windows-1252 text can carry it.
    const parsed = markdownToBlocks(markdown.replaceAll("\u0000", ""));
    if (!parsed.blocks.some((b) => b.kind === "paragraph")) {
      throw new DomainError("BAD_INPUT", `${fileName} contains no text`);
    }
    return { format, title: (parsed.title ?? title)?.replaceAll("\u0000", "") ?? null, blocks: parsed.blocks };
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw new DomainError("CORRUPT_FILE", `${fileName} could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Archives and PDFs are measured before their parser opens them (zip-guard, pdf-guard). */
async function toMarkdown(format: DocumentFormat, fileName: string, bytes: Uint8Array): Promise<{ markdown: string; title: string | null }> {
  switch (format) {
    case "txt":
    case "md":
      return { markdown: decodeText(bytes, fileName), title: null };
    case "html":
      return htmlToMarkdown(decodeText(bytes, fileName));
    case "docx":
      await checkArchive(bytes, fileName);
      return { markdown: htmlToMarkdown(await docxToHtml(bytes, fileName)).markdown, title: null };
    case "pdf": {
      await checkPdfStreams(bytes, fileName);
      const pdf = await pdfText(bytes, fileName);
      return { markdown: pdfLinesToMarkdown(pdf.pages), title: pdf.title };
    }
  }
}
