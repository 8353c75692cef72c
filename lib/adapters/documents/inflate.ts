import zlib from "node:zlib";

/**
 * How many bytes `data` inflates to, counted while inflating and thrown away, so measuring a
 * bomb costs no memory; past `limit` it stops and answers `Infinity`. `raw` is a zip entry's
 * bare deflate data; otherwise a zlib stream (PDF /FlateDecode), whose trailing bytes are ignored.
 * A stream that is not deflate data rejects.
 */
export function inflatedSize(data: Uint8Array, raw: boolean, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = raw ? zlib.createInflateRaw() : zlib.createInflate();
    let size = 0;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    z.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        z.destroy();
        settle(() => resolve(Infinity));
      }
    });
    z.on("end", () => settle(() => resolve(size)));
    z.on("error", (e) => settle(() => reject(e)));
    z.end(data);
  });
}
