// For tests only: hostile documents, built as streams so no test ever holds their unpacked size.
import { Readable } from "node:stream";
import zlib from "node:zlib";
import JSZip from "jszip";
import yazl from "yazl";
import { makeDocx } from "@/test/documents";

const MB = 1024 * 1024;

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** `head`, then `fill` repeated up to `size` bytes in all, then `tail`; generated as it is read. */
function repeated(head: string, fill: string, tail: string, size: number): Readable {
  const block = Buffer.from(fill.repeat(Math.ceil(MB / fill.length)));
  return Readable.from(
    (function* () {
      yield Buffer.from(head);
      for (let left = size - head.length - tail.length; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
      yield Buffer.from(tail);
    })(),
  );
}

/**
 * A real DOCX whose word/document.xml is `unpacked` bytes of paragraphs: with the default of
 * 300 MB it packs to about 300 KB, the shape of the file that took a worker to 4.4 GB.
 */
export async function docxBomb(unpacked = 300 * MB): Promise<Buffer> {
  const template = await JSZip.loadAsync(await makeDocx([{ text: "x" }]));
  const zip = new yazl.ZipFile();
  for (const [name, file] of Object.entries(template.files)) {
    if (name === "word/document.xml" || file.dir) continue;
    zip.addBuffer(await file.async("nodebuffer"), name);
  }
  const xml = repeated(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`,
    "<w:p><w:r><w:t>Photosynthesis converts light energy into chemical energy.</w:t></w:r></w:p>",
    "</w:body></w:document>",
    unpacked,
  );
  zip.addReadStream(xml, "word/document.xml");
  zip.end();
  return collect(zip.outputStream);
}

/** A zip whose directory says its one entry unpacks to 1 KB, while it really inflates to 20 MB. */
export async function lyingZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addReadStream(repeated("", "0", "", 20 * MB), "word/document.xml");
  zip.end();
  const bytes = await collect(zip.outputStream);
  const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(1024, central + 24);
  return bytes;
}

/** A PDF with one page whose content stream is `unpacked` bytes of text operators, deflated. */
export async function pdfBomb(unpacked = 300 * MB): Promise<Buffer> {
  const data = await collect(repeated("BT /F1 12 Tf ", "(a) Tj ", " ET", unpacked).pipe(zlib.createDeflate()));
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  const length = () => parts.reduce((n, p) => n + p.length, 0);
  const add = (...chunks: (string | Buffer)[]) => {
    offsets.push(length());
    parts.push(...chunks.map((c) => (typeof c === "string" ? Buffer.from(c, "latin1") : c)));
  };
  add("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  add("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  add("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n");
  add(`4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, data, "\nendstream\nendobj\n");
  const xref = length();
  parts.push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}
