// The indexes keep their records in typed arrays that double when full (no array or object per
// record): this is the one copy step they share.

/** `to` (a larger array of the same kind) holding `from`'s values at the start. */
export function grown<T extends Uint32Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A copy of `from` twice as long. */
export const doubled = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => grown(from, new Int32Array(from.length * 2));
