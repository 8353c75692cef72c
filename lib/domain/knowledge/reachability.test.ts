import { describe, expect, it } from "vitest";
import { checkReachability, describeViolation } from "./reachability";

const relations = [
  { id: "r1", subjectId: "a", objectId: "b" },
  { id: "r2", subjectId: "b", objectId: "c" },
  { id: "r3", subjectId: "x", objectId: "c" },
];

describe("checkReachability", () => {
  it("accepts linked chains over existing relations and concepts", () => {
    const report = checkReachability({ conceptIds: ["a", "b", "c", "x"], relations, chains: [{ id: "k", status: "APPROVED", steps: [{ position: 1, relationId: "r2" }, { position: 0, relationId: "r1" }] }] });
    expect(report).toEqual({ reachability: 1, relations: 3, chains: 1, violations: [] });
  });

  it("reports missing concepts, missing steps, broken links and short chains, and the share still reachable", () => {
    const report = checkReachability({
      conceptIds: ["a", "b", "c"],
      relations,
      chains: [
        { id: "gap", status: "DRAFT", steps: [{ position: 0, relationId: "r1" }, { position: 1, relationId: "r3" }] },
        { id: "lost", status: "DRAFT", steps: [{ position: 0, relationId: "r1" }, { position: 1, relationId: "gone" }] },
        { id: "one", status: "DRAFT", steps: [{ position: 0, relationId: "r1" }] },
      ],
    });
    expect(report.violations.map((v) => v.kind)).toEqual(["relation_missing_concept", "chain_broken_link", "chain_missing_relation", "chain_too_short"]);
    expect(report.reachability).toBeCloseTo(2 / 6);
    expect(report.violations.map(describeViolation)[1]).toBe("chain gap: step 2 starts at x, but the previous step ends at b");
  });

  it("is 1 for an empty structure", () => {
    expect(checkReachability({ conceptIds: [], relations: [], chains: [] }).reachability).toBe(1);
  });
});
