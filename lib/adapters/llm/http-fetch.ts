import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);

const abortError = (signal: AbortSignal) => (signal.reason instanceof Error && signal.reason.name === "AbortError" ? signal.reason : new DOMException("This operation was aborted", "AbortError"));

function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case "":
    case "identity":
      return body;
    case "gzip":
    case "x-gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

/**
 * The `fetch` an endpoint's OpenAI client sends its requests with: node:http(s) over a keep-alive
 * agent of its own. Node's global fetch (undici, with web streams) costs 0.5–0.7 ms more CPU per
 * request, on the event loop every other request waits on (bench/RESULTS.md, evaluation throughput).
 *
 * It serves what the client sends as JSON: a string or bytes body, a reply read whole before the
 * promise resolves (so the client's per-request timeout covers the body as well), the client's
 * signal aborting the request at any point with an AbortError (what the client reads as its
 * timeout or a cancel). Anything else goes to the global fetch: a streamed or form body (uploads),
 * and a redirect (followed there, as fetch does).
 */
export function createHttpFetch(): typeof fetch {
  const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

  const send = (url: URL, init: RequestInit, body: string | Uint8Array | undefined) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => (headers[name] = value));
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const transport = url.protocol === "https:" ? https : http;
      const req = transport.request(url, { method: init.method ?? "GET", headers, agent: agents[url.protocol as keyof typeof agents] }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", fail);
        res.on("close", () => res.complete || fail(signal?.aborted ? abortError(signal) : new Error("the connection closed before the reply ended")));
        res.on("end", () => {
          signal?.removeEventListener("abort", onAbort);
          try {
            const status = res.statusCode ?? 0;
            const out = new Headers();
            for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) out.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
            const encoding = res.headers["content-encoding"];
            const data = decoded(Buffer.concat(chunks), encoding);
            if (encoding) (out.delete("content-encoding"), out.delete("content-length"));
            resolve(new Response(NULL_BODY.has(status) ? null : new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength), { status, statusText: res.statusMessage, headers: out }));
          } catch (e) {
            reject(e);
          }
        });
      });
      function fail(e: unknown) {
        signal?.removeEventListener("abort", onAbort);
        req.destroy();
        reject(e);
      }
      function onAbort() {
        fail(abortError(signal!));
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", fail);
      req.end(body);
    });

  return async (input: string | URL | Request, init: RequestInit = {}) => {
    const body = init.body ?? undefined;
    const plain = body === undefined || typeof body === "string" || body instanceof Uint8Array;
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (input instanceof Request || !plain || !(url.protocol in agents)) return fetch(input, init);
    const res = await send(url, init, body as string | Uint8Array | undefined);
    if (REDIRECT.has(res.status) && res.headers.has("location") && init.redirect !== "manual") return fetch(input, init);
    return res;
  };
}
