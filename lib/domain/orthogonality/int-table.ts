// A hash table from 32-bit integer keys to small integers (group numbers), in one typed array
// with linear probing: the gate's hot path is millions of lookups that almost all miss, and a Map
// costs several times more per miss than one or two array reads. A slot's key and value sit side
// by side, so a probe of a table larger than the CPU's caches costs one memory read, not two.

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
  // [key, value + 1] per slot, so the 0 a new array holds means "empty"
  let slots = new Int32Array(2 * capacity);
  let size = 0;
  // One bit per key in a bitset of 8 bits a slot (an eighth of the table's bytes): most lookups
  // miss, and the bitset answers most misses from a cache where the table does not fit.
  let filterShift = 32 - Math.log2(capacity * 8);
  let filter = new Int32Array(capacity / 4);
  const bitOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> filterShift;

  // The keys are hashes already, but a fold of the high half keeps keys that differ only above
  // the mask out of one probe run.
  const slotOf = (key: number, mask: number) => (key ^ (key >>> 15)) & mask;

  function grow(): void {
    const old = slots;
    capacity *= 2;
    slots = new Int32Array(2 * capacity);
    filterShift--;
    filter = new Int32Array(capacity / 4);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const bit = bitOf(old[i]);
      filter[bit >>> 5] |= 1 << (bit & 31);
      let s = slotOf(old[i], mask);
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = old[i];
      slots[2 * s + 1] = old[i + 1];
    }
  }

  return {
    get size() {
      return size;
    },
    get(key) {
      key |= 0;
      const bit = bitOf(key);
      if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) return ABSENT;
      const mask = capacity - 1;
      for (let s = slotOf(key, mask); ; s = (s + 1) & mask) {
        const v = slots[2 * s + 1];
        if (v === 0) return ABSENT;
        if (slots[2 * s] === key) return v - 1;
      }
    },
    set(key, value) {
      key |= 0;
      // at most half full, so probe runs stay short and a miss ends quickly
      if ((size + 1) * 2 > capacity) grow();
      const mask = capacity - 1;
      let s = slotOf(key, mask);
      while (slots[2 * s + 1] !== 0 && slots[2 * s] !== key) s = (s + 1) & mask;
      if (slots[2 * s + 1] === 0) size++;
      const bit = bitOf(key);
      filter[bit >>> 5] |= 1 << (bit & 31);
      slots[2 * s] = key;
      slots[2 * s + 1] = value + 1;
    },
  };
}
