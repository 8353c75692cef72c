import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { ABSENT, createIntTable } from "./int-table";

describe("createIntTable", () => {
  it("answers as a Map does through growth, overwrites and keys of every bit pattern", () => {
    const random = seededRandom(7);
    const table = createIntTable(4); // small, so it grows many times
    const reference = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      // negative keys, keys that differ only in high bits (one probe run), and repeats
      const key = i % 3 === 0 ? (i << 20) | 0 : i % 3 === 1 ? -(i * 7919) : Math.floor(random() * 4294967296) | 0;
      const value = Math.floor(random() * 1_000_000);
      table.set(key, value);
      reference.set(key, value);
    }
    table.set(0, 5);
    reference.set(0, 5);
    expect(table.size).toBe(reference.size);
    for (const [key, value] of reference) expect(table.get(key)).toBe(value);
    // absent keys: the bitset lets most through as absent, the rest must be found absent in the table
    let absent = 0;
    for (let i = 0; i < 50_000; i++) {
      const key = Math.floor(random() * 4294967296) | 0;
      if (reference.has(key)) continue;
      expect(table.get(key)).toBe(ABSENT);
      absent++;
    }
    expect(absent).toBeGreaterThan(49_000);
  });

  it("is empty when new", () => {
    const table = createIntTable();
    expect(table.size).toBe(0);
    expect(table.get(0)).toBe(ABSENT);
    expect(table.get(-1)).toBe(ABSENT);
  });
});
