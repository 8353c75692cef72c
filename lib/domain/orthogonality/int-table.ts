// A hash table from 32-bit integer keys to small integers (group numbers), in two typed arrays
// with linear probing: the gate's hot path is millions of lookups that almost all miss, and a Map
// costs several times more per miss than one or two array reads.

/** Returned by get() for a key that is absent. */
export const ABSENT = -1;

export interface IntTable {
  readonly size: number;
  /** The value of key, or ABSENT. */
  get(key: number): number;
  /** Sets key's value (a non-negative integer below 2^31 - 1), replacing any earlier one. */
  set(key: number, value: number): void;
}

export function createIntTable(expected = 1024): IntTable {
  let capacity = 1 << Math.max(4, Math.ceil(Math.log2(expected * 2)));
  let keys = new Int32Array(capacity);
  // value + 1, so the 0 a new array holds means "empty"
  let values = new Int32Array(capacity);
  let size = 0;

  // The keys are hashes already, but a fold of the high half keeps keys that differ only above
  // the mask out of one probe run.
  const slotOf = (key: number, mask: number) => (key ^ (key >>> 15)) & mask;

  function grow(): void {
    const oldKeys = keys;
    const oldValues = values;
    capacity *= 2;
    keys = new Int32Array(capacity);
    values = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] === 0) continue;
      let s = slotOf(oldKeys[i], mask);
      while (values[s] !== 0) s = (s + 1) & mask;
      keys[s] = oldKeys[i];
      values[s] = oldValues[i];
    }
  }

  return {
    get size() {
      return size;
    },
    get(key) {
      key |= 0;
      const mask = capacity - 1;
      for (let s = slotOf(key, mask); ; s = (s + 1) & mask) {
        const v = values[s];
        if (v === 0) return ABSENT;
        if (keys[s] === key) return v - 1;
      }
    },
    set(key, value) {
      key |= 0;
      // at most half full, so probe runs stay short and a miss ends quickly
      if ((size + 1) * 2 > capacity) grow();
      const mask = capacity - 1;
      let s = slotOf(key, mask);
      while (values[s] !== 0 && keys[s] !== key) s = (s + 1) & mask;
      if (values[s] === 0) size++;
      keys[s] = key;
      values[s] = value + 1;
    },
  };
}
