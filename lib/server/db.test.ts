import { describe, expect, it } from "vitest";
import { dbPoolSize } from "./db";

describe("PRODA_DB_POOL_SIZE", () => {
  it("is 10 connections per process when unset, else the number given", () => {
    expect(dbPoolSize(undefined)).toBe(10);
    expect(dbPoolSize("")).toBe(10);
    expect(dbPoolSize("40")).toBe(40);
  });

  it("refuses what is not a whole number from 1 to 500, saying so", () => {
    for (const bad of ["0", "2.5", "ten", "501"]) expect(() => dbPoolSize(bad)).toThrow(`PRODA_DB_POOL_SIZE must be a whole number from 1 to 500, not "${bad}"`);
  });
});
