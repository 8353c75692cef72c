import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

/** Set on a response instead of Content-Encoding, which Next.js drops (scripts/encoded-answers.cjs). */
const ENCODING_HEADER = "x-proda-content-encoding";

/** Whether this process can send a body it encoded itself: the web server's preload ran. */
const canEncode = () => (globalThis as Record<symbol, unknown>)[Symbol.for("proda.encodedAnswers")] === true;

/** Answers shorter than this go out as they are: gzip's header and the CPU would not pay. */
const GZIP_FROM_BYTES = 1024;

/**
 * A cached route's JSON answer: its text, and its gzip bytes, made the first time a client that
 * accepts gzip asks and kept with the entry. The studio does not compress answers on the fly
 * (next.config.ts: it cost the web server an eighth of its CPU), but a cached answer is
 * compressed once and sent many times: the 300-concept overview goes out in a ninth of its
 * 100 KB, which the server pipes and the browser reads faster.
 */
export class CachedAnswer {
  private gzipped: Promise<Uint8Array<ArrayBuffer>> | null = null;
  constructor(readonly text: string) {}

  /** The gzip bytes, computed once (concurrent askers share the one computation). */
  gzip(): Promise<Uint8Array<ArrayBuffer>> {
    this.gzipped ??= gzipAsync(this.text).then((b) => new Uint8Array(b));
    return this.gzipped;
  }
}

/** Whether an Accept-Encoding header takes gzip (not refused with `q=0`). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [coding, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    weights.set(coding, q === undefined ? 1 : Number(q.slice(2)));
  }
  const q = weights.get("gzip") ?? weights.get("*");
  return q !== undefined && q > 0;
}

/**
 * The HTTP answer for `answer`: gzip-encoded when the request accepts it, the answer is long
 * enough, the web server can send it encoded, and `compress` says the answer is kept
 * (compressing one that is thrown away after this request would be the per-request cost the
 * studio avoids).
 */
export async function respondCached(answer: CachedAnswer, req: Request, status: number, compress: boolean): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", vary: "accept-encoding" };
  if (compress && canEncode() && answer.text.length >= GZIP_FROM_BYTES && acceptsGzip(req.headers.get("accept-encoding"))) {
    return new Response(await answer.gzip(), { status, headers: { ...headers, [ENCODING_HEADER]: "gzip" } });
  }
  return new Response(answer.text, { status, headers });
}
