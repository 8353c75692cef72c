import { describe, expect, it } from "vitest";
import { agree, whatIs } from "./phrasing";

describe("phrasing agreement", () => {
  it("makes the predicate's verb agree with a plural subject and leaves singulars alone", () => {
    expect(agree("Proteins", "binds to")).toBe("bind to");
    expect(agree("Barriers", "is a kind of")).toBe("are a kind of");
    expect(agree("Enzymes", "catalyses")).toBe("catalyse");
    expect(agree("Buses", "carries")).toBe("carry");
    expect(agree("glucose", "is converted into")).toBe("is converted into");
    expect(agree("physics", "describes")).toBe("describes");
    expect(agree("the virus", "causes")).toBe("causes");
  });
  it("asks what a concept is or what concepts are", () => {
    expect(whatIs("ribosomes")).toBe("What are ribosomes?");
    expect(whatIs("photosynthesis")).toBe("What is photosynthesis?");
  });
});
