import { describe, expect, it } from "vitest";
import { creatorLabel, creatorParts } from "./run-creator";

describe("creatorLabel", () => {
  it("names who started a run: a user, a user's token, the CLI, the system", () => {
    expect(creatorLabel({ origin: "STUDIO", user: "Ada Admin", token: null })).toBe("Ada Admin");
    expect(creatorLabel({ origin: "API_TOKEN", user: "Ada Admin", token: "nightly" })).toBe("Ada Admin (token nightly)");
    expect(creatorLabel({ origin: "CLI", user: null, token: null })).toBe("proda CLI");
    expect(creatorLabel({ origin: "SYSTEM", user: null, token: null })).toBe("system");
    expect(creatorParts({ origin: "API_TOKEN", user: "Ada Admin", token: "nightly" })).toEqual({ who: "Ada Admin", via: "token nightly" });
  });

  it("does not pass a deleted user off as someone else, and leaves runs from before the record blank", () => {
    expect(creatorLabel({ origin: "STUDIO", user: null, token: null })).toBe("a deleted user");
    expect(creatorLabel({ origin: "API_TOKEN", user: "Ada Admin", token: null })).toBe("Ada Admin (a deleted token)");
    expect(creatorLabel({ origin: null, user: null, token: null })).toBe("–");
  });
});
