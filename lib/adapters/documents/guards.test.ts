import { NodeHtmlMarkdown } from "node-html-markdown";
import { describe, expect, it } from "vitest";
import { peakRss } from "@/lib/server/http/test-route-server";
import { makeDocx } from "@/test/documents";
import { extractDocument } from "./extract-document";
import { htmlToMarkdown } from "./html";
import { htmlPieces } from "./html-pieces";
import { docxBomb, lyingZip, pdfBomb } from "./test-bombs";

const MB = 1024 * 1024;
const paragraphs = (blocks: { kind: string; text: string }[]) => blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);

describe("archives and PDFs are measured before they are read", () => {
  it("refuses a DOCX that unpacks to 300 MB, in bounded memory", async () => {
    const bomb = await docxBomb(300 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    const { result, idle, peak } = await peakRss(() => extractDocument("bomb.docx", bomb).catch((e: unknown) => e));
    expect(result).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/bomb\.docx unpacks to 300 MB.*at most 50 MB/) });
    expect(peak - idle).toBeLessThan(500 * MB);
  });

  it("refuses a small DOCX packed more than 100 to 1", async () => {
    await expect(extractDocument("dense.docx", await docxBomb(5 * MB))).rejects.toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/zip bomb/) });
  });

  it("refuses an archive whose directory understates what an entry inflates to", async () => {
    await expect(extractDocument("lying.docx", await lyingZip())).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringMatching(/word\/document\.xml unpacks to more than its archive declares/),
    });
  });

  it("refuses a PDF whose content stream inflates to 300 MB, in bounded memory", async () => {
    const bomb = await pdfBomb(300 * MB);
    const { result, idle, peak } = await peakRss(() => extractDocument("bomb.pdf", bomb).catch((e: unknown) => e));
    expect(result).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/bomb\.pdf/) });
    expect(peak - idle).toBeLessThan(500 * MB);
  });

  it("still reads an ordinary DOCX", async () => {
    const docx = await makeDocx([{ heading: "Cells", level: 1 }, { text: "Cells divide by mitosis." }]);
    expect(paragraphs((await extractDocument("cells.docx", docx)).blocks)).toEqual(["Cells divide by mitosis."]);
  });
});

describe("text encodings", () => {
  const text = "# Tides\n\nThe Moon’s gravity raises tides — twice a day.\n";
  const expected = ["The Moon’s gravity raises tides — twice a day."];

  it("reads UTF-16 LE and BE with a byte order mark, and UTF-8 with one", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const encodings = {
      le,
      be: Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      utf8: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    };
    for (const [name, bytes] of Object.entries(encodings)) {
      const doc = await extractDocument(`${name}.txt`, bytes);
      expect(doc.title, name).toBe("Tides");
      expect(paragraphs(doc.blocks), name).toEqual(expected);
    }
  });

  it("still refuses binary data, and drops a NUL character found past the first 8 KB", async () => {
    await expect(extractDocument("bin.txt", new Uint8Array([65, 0, 66]))).rejects.toMatchObject({ code: "CORRUPT_FILE" });
    const late = `# Notes\n\n${"Plants grow toward light. ".repeat(400)}\n\nRoots\u0000 grow down.\n`;
    const doc = await extractDocument("late.txt", Buffer.from(late));
    expect(paragraphs(doc.blocks).join(" ")).toContain("Roots grow down.");
  });
});

describe("long HTML is translated in pieces", () => {
  const page =
    `<html><head><title>T</title></head><body><nav><a href="/">Home</a> | About</nav><div><div>` +
    Array.from({ length: 800 }, (_, i) => `<h2>Part ${i}</h2><p>Text <b>bold</b> ${i}, <a href="/x">a link</a>.</p><ul><li>one ${i}</li><li>two</li></ul>`).join("\n") +
    `</div></div><footer>© site</footer></body></html>`;

  it("cuts only between blocks where plain wrappers are open, and reads the same as in one piece", () => {
    const body = page.replace(/<head[\s\S]*?<\/head>/i, "");
    const pieces = htmlPieces(body);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join("")).toBe(body);
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/<\/(ul|p|h2)>$/);
    const whole = new NodeHtmlMarkdown({ ignore: ["nav", "footer"], keepDataImages: false, useLinkReferenceDefinitions: false })
      .translate(body)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const norm = (s: string) => s.replace(/\n{2,}/g, "\n\n").trim();
    expect(norm(htmlToMarkdown(page).markdown)).toBe(norm(whole));
    expect(htmlToMarkdown(page).markdown).not.toContain("Home");
  });
});
