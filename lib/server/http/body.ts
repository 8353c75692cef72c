import { DomainError } from "@/lib/domain/errors";

/** A JSON body of any route: API bodies are small (the largest, a review of many ids, is a few KB). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const MB = 1024 * 1024;
const formatLimit = (bytes: number) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

export type BodyLimit = {
  limit: number;
  /** The 413 message; the default names the limit. */
  tooLarge?: string;
};

const tooLarge = (opts: BodyLimit) =>
  new DomainError("TOO_LARGE", opts.tooLarge ?? `The request body is larger than ${formatLimit(opts.limit)}`, { limitBytes: opts.limit });

/**
 * The request body as it streams in, refused (413) as soon as it passes the limit, chunked or
 * not: Content-Length is only a shortcut, the bytes are counted. The rest of a refused body is
 * never read: the stream is cancelled, so the client's upload stops there.
 */
export async function* bodyChunks(req: Request, opts: BodyLimit): AsyncGenerator<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > opts.limit) throw tooLarge(opts);
  if (!req.body) return;
  const reader = req.body.getReader();
  let seen = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new DomainError("BAD_INPUT", "The request body could not be read: the upload was interrupted");
      }
      if (chunk.done) return;
      seen += chunk.value.byteLength;
      if (seen > opts.limit) throw tooLarge(opts);
      yield chunk.value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The body as UTF-8 text pieces (a character split across chunks is kept whole), with the same limit. */
export async function* bodyText(req: Request, opts: BodyLimit): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of bodyChunks(req, opts)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A JSON body, read within the limit (1 MB unless the route says otherwise). */
export async function readJsonBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  let text = "";
  for await (const piece of bodyText(req, { limit })) text += piece;
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("BAD_INPUT", "The request body is not valid JSON");
  }
}

/**
 * The body's lines ("\n" or "\r\n"), as they stream in within the byte limit: memory holds one
 * chunk and one unfinished line, and a line longer than `maxLineChars` is refused (400).
 */
export async function* bodyLines(req: Request, opts: BodyLimit & { maxLineChars: number }): AsyncGenerator<string> {
  let pending = "";
  let lineNo = 0;
  const line = (s: string) => (lineNo++, s.endsWith("\r") ? s.slice(0, -1) : s);
  for await (const text of bodyText(req, opts)) {
    pending += text;
    let start = 0;
    for (let nl = pending.indexOf("\n"); nl !== -1; nl = pending.indexOf("\n", start)) {
      yield line(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > opts.maxLineChars) {
      throw new DomainError("BAD_INPUT", `Line ${lineNo + 1} is longer than ${formatLimit(opts.maxLineChars)}`, { line: lineNo + 1 });
    }
  }
  if (pending) yield line(pending);
}
