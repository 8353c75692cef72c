import { describe, expect, it } from "vitest";
import { canonicalName, displayName, normalisePredicate } from "./canonical";
import { DEFAULT_PREDICATES } from "./vocabulary";

describe("canonicalName", () => {
  it("ignores case, articles, punctuation and plural endings", () => {
    expect(canonicalName("The Enzymes")).toBe("enzyme");
    expect(canonicalName("an enzyme,")).toBe(canonicalName("Enzyme"));
    expect(canonicalName("Cells' membranes")).toBe("cells membrane");
    expect(canonicalName("batteries")).toBe("battery");
    expect(canonicalName("processes")).toBe("process");
    expect(canonicalName("Photosynthesis")).toBe("photosynthesis");
    expect(canonicalName("Economics")).toBe("economics");
    expect(canonicalName("nucleus")).toBe("nucleus");
    expect(canonicalName("Adenosine triphosphate (ATP)")).toBe("adenosine triphosphate atp");
    expect(canonicalName("  ")).toBe("");
  });

  it("tidies display names", () => {
    expect(displayName('  "glucose,  molecules" ')).toBe("glucose, molecules");
  });
});

describe("normalisePredicate", () => {
  it("maps names, phrases and inverse phrases to the vocabulary", () => {
    expect(normalisePredicate("causes", DEFAULT_PREDICATES)).toEqual({ name: "causes", inverted: false });
    expect(normalisePredicate("Part of", DEFAULT_PREDICATES)).toEqual({ name: "part_of", inverted: false });
    expect(normalisePredicate("is a kind of", DEFAULT_PREDICATES)).toEqual({ name: "is_a", inverted: false });
    expect(normalisePredicate("is caused by", DEFAULT_PREDICATES)).toEqual({ name: "causes", inverted: true });
    expect(normalisePredicate("teleports", DEFAULT_PREDICATES)).toBeNull();
  });
});
