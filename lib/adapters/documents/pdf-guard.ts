import { DomainError } from "@/lib/domain/errors";
import { MAX_PDF_UNPACKED_BYTES, formatMb } from "@/lib/domain/corpus";
import { inflatedSize } from "./inflate";

const STREAM = Buffer.from("stream");
const END_STREAM = Buffer.from("endstream");
/** How far back from `stream` a stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

/**
 * The PDF parser inflates a page's streams whole while it reads its text and offers no limit,
 * so a PDF whose compressed streams (text, fonts, object streams) would inflate beyond the limit
 * is refused before it is parsed. Each /FlateDecode stream is inflated and counted, nothing kept.
 * Images are left out (text extraction never decodes them); streams the check cannot read
 * (encrypted, other filters) are left to the parser.
 */
export async function checkPdfStreams(bytes: Uint8Array, fileName: string): Promise<void> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = MAX_PDF_UNPACKED_BYTES;
  for (let at = b.indexOf(STREAM); at !== -1; at = b.indexOf(STREAM, at + STREAM.length)) {
    if (at >= 3 && b.toString("latin1", at - 3, at) === "end") continue;
    let start = at + STREAM.length;
    if (b[start] === 0x0d) start++;
    if (b[start] !== 0x0a) continue;
    start++;
    const window = b.toString("latin1", Math.max(0, at - DICT_WINDOW), at);
    const dict = window.slice(window.lastIndexOf(" obj") + 1);
    const end = b.indexOf(END_STREAM, start);
    const next = end === -1 ? b.length : end;
    if (!dict.includes("/FlateDecode") || /\/Subtype\s*\/Image/.test(dict)) {
      at = next;
      continue;
    }
    const size = await inflatedSize(b.subarray(start, next), false, budget).catch(() => 0);
    budget -= size;
    if (budget < 0) {
      throw new DomainError("TOO_LARGE", `${fileName}: its compressed text and fonts unpack to more than ${formatMb(MAX_PDF_UNPACKED_BYTES)}; refused as a likely PDF bomb`);
    }
    at = next;
  }
}
