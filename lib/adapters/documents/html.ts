import { NodeHtmlMarkdown } from "node-html-markdown";
import { htmlPieces } from "./html-pieces";

// Page furniture that is not content.
const IGNORE = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe"];
const converter = new NodeHtmlMarkdown({ ignore: IGNORE, keepDataImages: false, useLinkReferenceDefinitions: false });

const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;

/** HTML to Markdown (headings and paragraphs survive), with the <title> when there is one. */
export function htmlToMarkdown(html: string): { title: string | null; markdown: string } {
  const title = TITLE.exec(html)?.[1].replace(/\s+/g, " ").trim() || null;
  const body = html.replace(/<head[\s\S]*?<\/head>/i, "");
  // Links and images carry no text we want in a chunk; keep the link text only.
  const markdown = htmlPieces(body)
    .map((piece) => converter.translate(piece))
    .join("\n\n")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  return { title, markdown };
}
