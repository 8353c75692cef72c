/**
 * A function of one word remembered: compromise takes about a millisecond a call, and a
 * discipline's names repeat the same head words thousands of times. Bounded, since a worker
 * lives long and sees many workspaces.
 */
export function remembered<T>(fn: (key: string) => T, limit = 20_000): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    const known = seen.get(key);
    if (known !== undefined || seen.has(key)) return known as T;
    if (seen.size >= limit) seen.clear();
    const value = fn(key);
    seen.set(key, value);
    return value;
  };
}
