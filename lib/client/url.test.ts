import { describe, expect, it } from "vitest";
import { safeNextPath } from "./url";

describe("safeNextPath", () => {
  it("keeps a studio path with its query, and refuses other origins and the sign-in pages", () => {
    expect(safeNextPath("/knowledge?discipline=biology&view=graph")).toBe("/knowledge?discipline=biology&view=graph");
    expect(safeNextPath("/jobs#run")).toBe("/jobs#run");
    for (const bad of ["//evil.test/x", "/\\evil.test", "https://evil.test/", "javascript:alert(1)", "knowledge", "/sign-in?next=/x", "/setup", "/invite/abc", "/x\n", "", null, undefined]) {
      expect(safeNextPath(bad), String(bad)).toBeNull();
    }
  });
});
