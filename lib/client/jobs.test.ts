import { describe, expect, it } from "vitest";
import { jobLabel } from "./jobs";

describe("jobLabel", () => {
  it("names every kind of run: label, path, built name with its disciplines, or all disciplines", () => {
    expect(jobLabel({ label: "Upload of 3 files" }, "corpus-import")).toBe("Upload of 3 files");
    expect(jobLabel({ source: { kind: "path", path: "../shared/corpus" } }, "corpus-import")).toBe("../shared/corpus");
    expect(jobLabel({ name: "Physics exam", disciplines: ["physics"] }, "benchmark-build")).toBe("Physics exam (physics)");
    expect(jobLabel({ name: "V1" }, "training-set-build")).toBe("V1");
    expect(jobLabel({ discipline: "biology", engine: "local" }, "knowledge-extract")).toBe("biology");
    expect(jobLabel({ seed: 7 }, "benchmark-build")).toBe("all disciplines");
    expect(jobLabel({ trainingSetId: "x", label: "V1 v2" }, "orthogonality-check")).toBe("V1 v2");
    expect(jobLabel({ trainingSetId: "x" }, "orthogonality-check")).toBeNull();
  });

  it("names disciplines by name where it is given a lookup (payloads hold slugs)", () => {
    const names: Record<string, string> = { biology: "Biology", "earth-science": "Earth Science" };
    const name = (slug: string) => names[slug] ?? slug;
    expect(jobLabel({ discipline: "biology", engine: "local" }, "knowledge-extract", name)).toBe("Biology");
    expect(jobLabel({ name: "Exam", disciplines: ["biology", "earth-science"] }, "benchmark-build", name)).toBe("Exam (Biology, Earth Science)");
    expect(jobLabel({ disciplines: ["biology"] }, "training-set-build", name)).toBe("Biology");
  });
});
