import path from "node:path";
import { markdownToBlocks, type Block } from "@/lib/domain/corpus";
import { DomainError } from "@/lib/domain/errors";
import { docxToHtml } from "./docx";
import { htmlToMarkdown } from "./html";
import { pdfLinesToMarkdown, pdfText } from "./pdf";
import { decodeText } from "./text";

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
 * `#` headings in .txt files).
 */
export async function extractDocument(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const format = formatOf(fileName);
  if (!format) {
    throw new DomainError("UNSUPPORTED_FORMAT", `${fileName}: unsupported file type; use ${Object.keys(FORMATS).join(", ")}`);
  }
  let markdown: string;
  let title: string | null = null;
  switch (format) {
    case "txt":
    case "md":
      markdown = decodeText(bytes, fileName);
      break;
    case "html":
      ({ title, markdown } = htmlToMarkdown(decodeText(bytes, fileName)));
      break;
    case "docx":
      ({ markdown } = htmlToMarkdown(await docxToHtml(bytes, fileName)));
      break;
    case "pdf": {
      const pdf = await pdfText(bytes, fileName);
      title = pdf.title;
      markdown = pdfLinesToMarkdown(pdf.pages);
      break;
    }
  }
  const parsed = markdownToBlocks(markdown);
  if (!parsed.blocks.some((b) => b.kind === "paragraph")) {
    throw new DomainError("BAD_INPUT", `${fileName} contains no text`);
  }
  return { format, title: parsed.title ?? title, blocks: parsed.blocks };
}
