/**
 * The rows of a position-ordered table (benchmark items, training instances), a batch at a
 * time by keyset on position: `read(after)` returns the next rows after that position, in order.
 */
export async function* inPositionOrder<T extends { position: number }>(read: (after: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let after = -1; ; ) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].position;
  }
}
